package io.servesim;

/**
 * The libraries servesim-library declares {@code <optional>}: the simulator core (specs, workloads, performance
 * model, engine, router, cluster, metrics, optimizer) runs without them, and only the features named here load
 * them. An application that uses such a feature adds the artifact to its own build; the command line, the notebook
 * kernel and library/spark declare them. Checking first turns a missing jar into one clear message instead of a
 * {@link NoClassDefFoundError}.
 */
public enum OptionalDependency {
    /** DuckDB's JDBC driver: Parquet files and study datasets (written and queried with SQL). */
    DUCKDB("org.duckdb.DuckDBDriver", "org.duckdb:duckdb_jdbc", "Parquet files and study datasets"),
    /** tablesaw-jsplot and the plotly.js webjar: charts and HTML reports. */
    CHARTS("tech.tablesaw.plotly.components.Figure",
            "tech.tablesaw:tablesaw-jsplot and org.webjars.npm:plotly.js-dist", "Charts and HTML reports");

    private final String probeClass;
    private final String artifacts;
    private final String feature;
    private volatile Boolean present;

    OptionalDependency(String probeClass, String artifacts, String feature) {
        this.probeClass = probeClass;
        this.artifacts = artifacts;
        this.feature = feature;
    }

    /** Returns true when the library is on the class path (checked once, without initialising it). */
    public boolean present() {
        Boolean p = present;
        if (p == null) {
            try {
                Class.forName(probeClass, false, OptionalDependency.class.getClassLoader());
                p = true;
            } catch (ClassNotFoundException | LinkageError e) {
                p = false;
            }
            present = p;
        }
        return p;
    }

    /** Fails with a message naming the artifacts to add when the library is missing. */
    public void require() {
        if (!present()) {
            throw new IllegalStateException(feature + " need " + artifacts + " on the class path (optional"
                    + " dependencies of servesim-library): add them to your build");
        }
    }
}
