/**
 * The notebook magics: %%spec, %sweep, %replay, %trace, %perf, %export, %help.
 */
package io.servesim.kernel.magic;
