/**
 * What a run reports: per-request records, per-worker statistics and the summary with the report's column names.
 */
package io.servesim.metrics;
