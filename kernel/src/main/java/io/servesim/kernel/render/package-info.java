/**
 * HTML and text renderings of tables, charts (offline Plotly), sweep results and run metrics.
 */
package io.servesim.kernel.render;
