/**
 * Routers that pick the worker for a request: the KV-cache-aware router and round-robin. A deployment's
 * {@link io.servesim.router.RouterSetting} (mode, overlap credit, prefill load scale) and the KV router's base settings
 * form a run's {@link io.servesim.router.RouterPlan}, which derives each pool's router.
 */
package io.servesim.router;
