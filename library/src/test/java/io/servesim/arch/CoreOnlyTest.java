package io.servesim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator core (specs to optimizer) needs none of the library's optional dependencies: it does not refer to
 * them, nor to the packages that use them, and a sweep and a replay run in a class loader without their jars.
 */
class CoreOnlyTest {
    /** The core: what an application needs to plan deployments from Java. */
    static final String[] CORE = {"io.servesim.spec..", "io.servesim.workload..", "io.servesim.perf..",
        "io.servesim.engine..", "io.servesim.router..", "io.servesim.cluster..", "io.servesim.metrics..",
        "io.servesim.optimize..", "io.servesim.fidelity..", "io.servesim.util.."};
    /** Jars the core must run without (optional in the library's pom). */
    static final List<String> OPTIONAL_JARS = List.of("picocli", "duckdb_jdbc", "tablesaw-jsplot", "plotly.js-dist");

    @Test
    void theCoreRefersToNoOptionalLibraryNorToThePackagesThatUseThem() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.servesim");
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
                "picocli..", "org.duckdb..", "tech.tablesaw.plotly..", "org.webjars..", "java.sql..",
                "io.servesim.cli..", "io.servesim.report..", "io.servesim.study..")
                .because("applications use the simulator core without the command line, DuckDB or charts")
                .check(classes);
    }

    @Test
    void aSweepAndAReplayRunWithoutTheOptionalJars(@TempDir Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        int left = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (OPTIONAL_JARS.stream().anyMatch(name::startsWith)) {
                left++;
            } else {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(left).as("optional jars found on the test class path").isEqualTo(OPTIONAL_JARS.size());
        try (URLClassLoader core = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (String absent : List.of("picocli.CommandLine", "org.duckdb.DuckDBDriver",
                    "tech.tablesaw.plotly.components.Figure")) {
                assertThatThrownBy(() -> Class.forName(absent, false, core)).isInstanceOf(ClassNotFoundException.class);
            }
            Class<?> run = Class.forName(CoreOnlyRun.class.getName(), true, core);
            assertThat(run.getClassLoader()).isSameAs(core);

            @SuppressWarnings("unchecked")
            Map<String, Double> figures = (Map<String, Double>) run.getMethod("sweepAndReplay").invoke(null);
            assertThat(figures.get("states")).isPositive();
            assertThat(figures.get("evaluated_rows")).isEqualTo(figures.get("states"));
            assertThat(figures.get("completed_requests")).isEqualTo(20);
            assertThat(figures.get("request_records")).isEqualTo(20);

            @SuppressWarnings("unchecked")
            Map<String, String> messages = (Map<String, String>) run.getMethod("optionalFeatures", Path.class)
                    .invoke(null, dir);
            assertThat(messages.get("parquet")).isEqualTo("Parquet files and study datasets need"
                    + " org.duckdb:duckdb_jdbc on the class path (optional dependencies of servesim-library): add"
                    + " them to your build");
            assertThat(messages.get("html")).startsWith("Charts and HTML reports need tech.tablesaw:tablesaw-jsplot");
        }
    }
}
