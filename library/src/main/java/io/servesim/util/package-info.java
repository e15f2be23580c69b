/**
 * Primitive-keyed collections the simulator's hot paths share (block hashes as {@code long}s, without boxing):
 * {@link io.servesim.util.LongIntMap} for the KV block pool and the router's prefix index,
 * {@link io.servesim.util.LongHashSet} for counting a trace's distinct blocks. Depends on nothing else in servesim.
 */
package io.servesim.util;
