package io.servesim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.perf.StepTimer;
import io.servesim.spec.EngineArgs;
import io.servesim.workload.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decode runs on one worker (4-token blocks, passes of 10 ms plus 0.1 ms per token of context): how far a run plans,
 * that it reports exactly what pass-by-pass simulation reports, and how a queued request cuts it.
 */
class EngineSim_DecodeRunTest {
    private static final EngineArgs ARGS = EngineArgs.builder().blockSize(4).maxNumSeqs(4).maxNumBatchedTokens(64)
            .enableChunkedPrefill(true).enablePrefixCaching(false).stepOverheadMs(0.0).build();

    /** A worker and everything it told the cluster. */
    private static final class Worker {
        final List<String> told = new ArrayList<>();
        final StepTimer timer = batch -> 10 + 0.1 * batch.decodeContextSum();
        final EngineSim engine = new EngineSim(0, ARGS, 16, timer);
        final EngineListener listener = new EngineListener() {
            @Override
            public void tokens(int worker, double timeMs, double gapMs, int count) {
                told.add("tokens@" + timeMs + " gap " + gapMs + " x" + count);
            }

            @Override
            public void prefillCompleted(Sequence seq, double timeMs) {
                told.add("prefill " + seq.request().id() + "@" + timeMs);
            }

            @Override
            public void finished(Sequence seq, double timeMs) {
                told.add("finished " + seq.request().id() + "@" + timeMs);
            }
        };
        final KvEventRecorder kv = new KvEventRecorder();

        /** Starts a pass at {@code now} and finishes it (or the run it planned); returns its end. */
        double pass(double now, boolean runs) {
            double end = engine.startPass(now, runs);
            engine.finishPass(end, listener, kv);
            return end;
        }

        String state() {
            return told + " passes " + engine.passes() + " busy " + engine.busyMs() + " timeline "
                    + engine.timeline().meanKvOccupancy() + " " + kv.events;
        }
    }

    private static Sequence sequence(long id, int input, int output) {
        return new Sequence(Request.of(id, 0, input, output, new long[(input + 3) / 4]), output, false);
    }

    @Test
    void aRunPlansUntilABlockIsNeededAndReportsWhatPassByPassReports() {
        Worker runs = new Worker();
        Worker oneByOne = new Worker();
        double end = firstPassOfOnePrompt(runs, oneByOne);
        // the prompt's pass emits the first token; the next pass needs a second block and then holds 8 tokens:
        // decodes of tokens 5 to 8 fit, so the run plans 4 passes
        double start = runs.engine.startPass(end, true);
        assertThat(runs.engine.passStartMs()).isGreaterThan(end);
        double now = end;
        for (int i = 0; i < 4; i++) {
            now = oneByOne.pass(now, false);
        }
        assertThat(start).isEqualTo(now);
        runs.engine.finishPass(start, runs.listener, runs.kv);
        drainAndCompare(runs, start, oneByOne, now);
    }

    @Test
    void aRequestQueuedMidRunKeepsOnlyThePassesThatStartedBeforeIt() {
        Worker runs = new Worker();
        Worker oneByOne = new Worker();
        double t = firstPassOfOnePrompt(runs, oneByOne);
        runs.engine.startPass(t, true);
        double second = oneByOne.pass(t, false);
        double third = oneByOne.pass(second, false);
        // queued exactly as the third pass ends: the fourth would have started then, and sees the new request
        assertThat(runs.engine.enqueue(sequence(2, 4, 2), third)).isTrue();
        assertThat(runs.engine.passEndMs()).isEqualTo(third);
        assertThat(runs.engine.passStartMs()).isEqualTo(second);
        assertThat(runs.engine.enqueue(sequence(3, 4, 2), third)).as("nothing left to cut").isFalse();
        runs.engine.finishPass(third, runs.listener, runs.kv);
        oneByOne.engine.enqueue(sequence(2, 4, 2), third);
        oneByOne.engine.enqueue(sequence(3, 4, 2), third);
        drainAndCompare(runs, third, oneByOne, third);
    }

    @Test
    void aHandedOffPromptThatCannotJoinLeavesTheRunAsItIs() {
        Worker runs = new Worker();
        Worker oneByOne = new Worker();
        double t = firstPassOfOnePrompt(runs, oneByOne);
        double end = runs.engine.startPass(t, true);
        double second = oneByOne.pass(t, false);
        // 2 of the 16 blocks are taken: a handed-off 60-token prompt needs 15, so no planned pass could admit it,
        // nor a request queued behind it
        assertThat(runs.engine.enqueue(handedOff(2, 60), second)).isFalse();
        assertThat(runs.engine.enqueue(sequence(3, 4, 2), second)).isFalse();
        assertThat(runs.engine.passEndMs()).isEqualTo(end);
        oneByOne.engine.enqueue(handedOff(2, 60), second);
        oneByOne.engine.enqueue(sequence(3, 4, 2), second);
        runs.engine.finishPass(end, runs.listener, runs.kv);
        double a = second;
        while (a < end) {
            a = oneByOne.pass(a, false);
        }
        assertThat(a).isEqualTo(end);
        drainAndCompare(runs, end, oneByOne, a);
    }

    @Test
    void aRequestQueuedWhileTheBatchIsFullLeavesTheRunAsItIs() {
        Worker runs = new Worker();
        Worker oneByOne = new Worker();
        for (int id = 1; id <= 4; id++) {
            runs.engine.enqueue(sequence(id, 2, 3 + id), 0);
            oneByOne.engine.enqueue(sequence(id, 2, 3 + id), 0);
        }
        double t = runs.pass(0, true);
        oneByOne.pass(0, false);
        double end = runs.engine.startPass(t, true);
        assertThat(runs.engine.passStartMs()).as("a run").isGreaterThan(t);
        // max_num_seqs (4) sequences run: a new request waits for one to finish
        assertThat(runs.engine.enqueue(sequence(5, 2, 2), t + 1)).isFalse();
        assertThat(runs.engine.passEndMs()).isEqualTo(end);
        oneByOne.engine.enqueue(sequence(5, 2, 2), t + 1);
        runs.engine.finishPass(end, runs.listener, runs.kv);
        drainAndCompare(runs, end, oneByOne, t);
    }

    private static Sequence handedOff(long id, int input) {
        return new Sequence(Request.of(id, 0, input, 3, new long[(input + 3) / 4]), 3, true);
    }

    /** Queues one 4-token prompt with 12 answer tokens on both workers and runs its prefill pass; returns its end. */
    private static double firstPassOfOnePrompt(Worker runs, Worker oneByOne) {
        runs.engine.enqueue(sequence(1, 4, 12), 0);
        oneByOne.engine.enqueue(sequence(1, 4, 12), 0);
        double end = runs.pass(0, true);
        oneByOne.pass(0, false);
        return end;
    }

    /** Runs both workers until idle, one with decode runs and one pass by pass, and checks they end identically. */
    private static void drainAndCompare(Worker runs, double runsAt, Worker oneByOne, double oneByOneAt) {
        double a = oneByOneAt;
        while (oneByOne.engine.hasWork()) {
            a = oneByOne.pass(a, false);
        }
        double b = runsAt;
        while (runs.engine.hasWork()) {
            b = runs.pass(b, true);
        }
        assertThat(b).isEqualTo(a);
        assertThat(runs.state()).isEqualTo(oneByOne.state());
    }
}
