/**
 * The kernel jar's command line: kernel install/run and notebook.
 */
package io.servesim.kernel.cli;
