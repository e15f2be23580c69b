/**
 * Studies: many sweeps at once. A {@link io.servesim.study.StudySpec} crosses (or zips) axes of spec values over a
 * base sweep spec; each combination is a cell, searched by the descent or exhaustively. {@link
 * io.servesim.study.StudyRunner} runs the cells on a {@link io.servesim.study.StudyBackend} (in this process by default,
 * Apache Spark through the optional {@code servesim-spark} module) and writes one Parquet dataset partitioned by the
 * axes, a {@code cells} table, the spec and versions; interrupted studies resume from the cells already written.
 */
package io.servesim.study;
