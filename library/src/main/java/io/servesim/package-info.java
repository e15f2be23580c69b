/**
 * servesim: plans LLM-serving deployments by simulation. Start with {@link io.servesim.spec.Specs} and {@link io.servesim.optimize.ReplayOptimizer}.
 */
package io.servesim;
