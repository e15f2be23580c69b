/**
 * Runs servesim studies on Apache Spark: {@link io.servesim.spark.SparkStudyBackend} turns cells into Spark jobs
 * (a descent cell is one task; an exhaustive cell is one task per slice of its states), collects the reports and
 * rebuilds each cell's result on the driver with the same code as the in-process run, so results are identical.
 * {@link io.servesim.spark.SparkStudyMain} is the entry point for {@code spark-submit}.
 */
package io.servesim.spark;
