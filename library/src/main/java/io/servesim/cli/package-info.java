/**
 * The servesim command line: sweep, replay, spec, trace and perf.
 */
package io.servesim.cli;
