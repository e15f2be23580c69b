/**
 * The discrete-event simulation of one run: worker pools, routing, KV handoff, arrivals.
 */
package io.servesim.cluster;
