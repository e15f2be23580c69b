/**
 * User-facing specs of a sweep (engine, hardware, workload, SLA, router, objective), their validation and JSON/YAML form.
 */
package io.servesim.spec;
