/**
 * The sweep: candidate states, the budget-focused descent, the exhaustive baseline, ranking and results.
 */
package io.servesim.optimize;
