/**
 * servesim's Jupyter kernel: an in-process JShell session with servesim's magics and renderers.
 */
package io.servesim.kernel;
