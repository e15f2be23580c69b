/**
 * How long an engine pass takes and how many KV blocks a worker has: model cards, GPU SKUs, H200 tables, roofline.
 */
package io.servesim.perf;
