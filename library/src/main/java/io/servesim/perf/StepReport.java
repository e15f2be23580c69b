package io.servesim.perf;

import io.servesim.spec.EngineArgs;
import java.util.List;
import java.util.Objects;

/**
 * The performance model's answer for one engine pass of one worker, computed once for every view of it
 * ({@code servesim perf step}, the notebook's {@code %perf}): the pass time, its parts by operator, and the prefill
 * and decode parts alone. Immutable.
 *
 * @param worker         the worker the pass runs on
 * @param pass           the pass asked about
 * @param stepMs         the pass time, ms (GPU time, without the host overhead per pass)
 * @param operators      the pass time by operator, in the timer's order (a name may come more than once)
 * @param prefillAloneMs the time of the pass's prefill part run alone, ms (0 without prefill)
 * @param decodeAloneMs  the time of the pass's decode part run alone, ms (0 without decode)
 */
public record StepReport(Worker worker, Pass pass, double stepMs, List<OperatorTime> operators, double prefillAloneMs,
                         double decodeAloneMs) {
    /** Checks the parts and copies the operator list. */
    public StepReport {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(pass, "pass");
        operators = List.copyOf(operators);
    }

    /** Returns the report of {@code pass} on a worker of {@code tp} GPUs of {@code perf} running with {@code args}. */
    public static StepReport of(PerfModel perf, int tp, EngineArgs args, Pass pass) {
        StepTimer timer = perf.stepTimer(tp, args);
        String source = timer instanceof TableStepTimer
                ? "tables " + perf.tables().map(PerfTables::provenance).orElse("") : "roofline model";
        Worker worker = new Worker(perf.modelId(), perf.sku().name(), tp, perf.precision(args).label(), source, args);
        StepBatch all = pass.batch(true, true);
        return new StepReport(worker, pass, timer.stepMs(all), timer.explain(all),
                timer.stepMs(pass.batch(true, false)), timer.stepMs(pass.batch(false, true)));
    }

    /** Returns the pass time plus the host overhead per pass ({@code step_overhead_ms}), ms. */
    public double perPassMs() {
        return stepMs + worker.args().stepOverhead();
    }

    /**
     * The worker a pass runs on: model, GPU SKU, GPUs per worker, precision label, how its passes are timed
     * ({@code "tables …"} or {@code "roofline model"}) and its engine args.
     */
    public record Worker(String model, String gpu, int tp, String precision, String source, EngineArgs args) {
        /** Checks that the names are present. */
        public Worker {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(gpu, "gpu");
            Objects.requireNonNull(args, "args");
        }
    }

    /**
     * One engine pass: a prefill chunk of {@code prefillTokens} new tokens after {@code prefixTokens} cached ones, and
     * {@code decodeBatch} decode sequences at {@code contextTokens} context each.
     */
    public record Pass(int prefillTokens, int prefixTokens, int decodeBatch, int contextTokens) {
        /** Checks that every count is >= 0. */
        public Pass {
            for (int v : new int[] {prefillTokens, prefixTokens, decodeBatch, contextTokens}) {
                if (v < 0) {
                    throw new IllegalArgumentException("an engine pass's token and sequence counts are >= 0; got "
                            + prefillTokens + " prefill, " + prefixTokens + " prefix, " + decodeBatch + " decode, "
                            + contextTokens + " context");
                }
            }
        }

        /** Returns true when the pass has neither prefill tokens nor decode sequences. */
        public boolean isEmpty() {
            return prefillTokens == 0 && decodeBatch == 0;
        }

        /** Returns the batch of the pass's prefill part, decode part, or both. */
        StepBatch batch(boolean prefill, boolean decode) {
            StepBatch b = new StepBatch();
            if (prefill && prefillTokens > 0) {
                b.addPrefill(prefillTokens, prefixTokens);
            }
            for (int i = 0; decode && i < decodeBatch; i++) {
                b.addDecode(contextTokens);
            }
            return b;
        }
    }
}
