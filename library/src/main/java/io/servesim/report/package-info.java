/**
 * Result tables (Tablesaw), Plotly figures and exports (CSV, JSON, Parquet) of sweeps and runs.
 */
package io.servesim.report;
