/**
 * Routers that pick the worker for a request: the KV-cache-aware router and round-robin.
 */
package io.servesim.router;
