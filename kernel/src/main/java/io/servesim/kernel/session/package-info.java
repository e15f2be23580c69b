/**
 * The kernel's JShell session and what both the kernel and its magics share: the session itself, the error a cell
 * ends with, the bindings that carry values between magics and notebook code, magic argument parsing and the batched
 * output stream. Depends on neither the kernel nor its magics.
 */
package io.servesim.kernel.session;
