/**
 * Fidelity: servesim's predictions checked against measured serving. {@link io.servesim.fidelity.MeasuredDataset}
 * reads measured TTFT/TPOT rows (the shipped public vLLM sample by default), {@link io.servesim.fidelity.FidelityRunner}
 * replays each row with the steady-state closed-loop method of {@link io.servesim.fidelity.FidelityMethod} and
 * reports the error per row, overall and per (system, model, precision); {@link io.servesim.fidelity.OverheadFit}
 * fits the engine overheads to the data by least squares.
 */
package io.servesim.fidelity;
