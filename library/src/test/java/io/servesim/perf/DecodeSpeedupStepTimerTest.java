package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.servesim.spec.EngineArgs;
import io.servesim.spec.PerfModelKind;
import org.junit.jupiter.api.Test;

/** decode_speedup_ratio: decode time / (speedup_ratio × decode_speedup_ratio), prefill time / speedup_ratio. */
class DecodeSpeedupStepTimerTest {
    private static final PerfModel QWEN = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm");
    // polynomial model: prefill of 1000 new tokens = 4.209989e-07 × 1000² + 1.518344e-02 × 1000 + 16.50142 ms;
    // decode at KV occupancy 0 = 5.74 ms
    private static final double PREFILL_1000 = 4.209989e-07 * 1e6 + 1.518344e-02 * 1000 + 16.50142;
    private static final double DECODE_EMPTY = 5.74;

    private static StepTimer timer(double speedup, double decodeSpeedup) {
        return QWEN.stepTimer(1, EngineArgs.builder().perfModel(PerfModelKind.POLYNOMIAL).speedupRatio(speedup)
                .decodeSpeedupRatio(decodeSpeedup).build());
    }

    @Test
    void decodeOnlyPassesAreDividedByBothRatios() {
        StepBatch decode = new StepBatch().addDecode(100).kvOccupancy(0, 1000);
        assertThat(timer(1, 2).stepMs(decode)).isCloseTo(DECODE_EMPTY / 2, offset(1e-12));
        assertThat(timer(2, 2).stepMs(decode)).isCloseTo(DECODE_EMPTY / 4, offset(1e-12));
    }

    @Test
    void mixedPassesDivideOnlyTheirDecodePart() {
        StepBatch mixed = new StepBatch().addPrefill(1000, 0).addDecode(100).kvOccupancy(0, 1000);
        assertThat(timer(1, 2).stepMs(mixed)).isCloseTo(PREFILL_1000 + DECODE_EMPTY / 2, offset(1e-9));
        assertThat(timer(2, 4).stepMs(mixed)).isCloseTo(PREFILL_1000 / 2 + DECODE_EMPTY / 8, offset(1e-9));
        StepBatch prefill = new StepBatch().addPrefill(1000, 0).kvOccupancy(0, 1000);
        assertThat(timer(1, 4).stepMs(prefill)).isCloseTo(PREFILL_1000, offset(1e-9));
    }

    @Test
    void measuredTablesHonourTheRatioToo() {
        StepBatch decode = new StepBatch().addDecode(4096).addDecode(4096).kvOccupancy(8192, 100_000);
        double plain = QWEN.stepTimer(2, EngineArgs.defaults()).stepMs(decode);
        double faster = QWEN.stepTimer(2, EngineArgs.builder().decodeSpeedupRatio(2.5).build()).stepMs(decode);
        assertThat(faster).isCloseTo(plain / 2.5, offset(1e-9));
    }
}
