package io.servesim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.perf.StepBatch;
import io.servesim.perf.StepTimer;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import io.servesim.workload.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One worker pass by pass, with 4-token blocks and every pass taking 10 ms: what each pass batches (prefill chunks
 * as {@code P<new>+<cached>}, decodes as {@code D<context>}, several as {@code D<total context>/<count>}) and what the cluster is told, worked out by hand.
 */
class EngineSimTest {
    private static final double PASS_MS = 10;
    private final List<String> batches = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final StepTimer timer = batch -> {
        batches.add(describe(batch));
        return PASS_MS;
    };
    private final EngineListener listener = new EngineListener() {
        @Override
        public void tokens(int worker, double timeMs, double gapMs, int count) {
            events.add("tokens@" + (int) timeMs + " gap " + (int) gapMs + " x" + count);
        }

        @Override
        public void prefillCompleted(Sequence seq, double timeMs) {
            events.add("prefill " + seq.request().id() + "@" + (int) timeMs);
        }

        @Override
        public void finished(Sequence seq, double timeMs) {
            events.add("finished " + seq.request().id() + "@" + (int) timeMs);
        }
    };
    private final KvEventRecorder kvEvents = new KvEventRecorder();
    private final List<String> kv = kvEvents.events;

    private static EngineArgs.Builder args() {
        return EngineArgs.builder().blockSize(4).maxNumSeqs(2).maxNumBatchedTokens(64).enableChunkedPrefill(true)
                .enablePrefixCaching(false).stepOverheadMs(0.0);
    }

    private static Sequence sequence(long id, int input, int output, long... hashes) {
        long[] h = hashes.length > 0 ? hashes : new long[(input + 3) / 4];
        return new Sequence(Request.of(id, 0, input, output, h), output, false);
    }

    /** Runs passes back to back from {@code startMs} until the worker has nothing left; returns the end time. */
    private double drain(EngineSim engine, double startMs) {
        double now = startMs;
        while (engine.hasWork()) {
            double end = engine.startPass(now);
            assertThat(end).as("a pass could be scheduled at %s", now).isNotNaN();
            engine.finishPass(end, listener, kvEvents);
            now = end;
        }
        return now;
    }

    @Test
    void admitsUpToMaxSeqsAndCompletesEachRequestAfterItsOutputTokens() {
        EngineSim engine = new EngineSim(0, args().build(), 16, timer);
        Sequence a = sequence(1, 8, 3);
        Sequence b = sequence(2, 6, 2);
        Sequence c = sequence(3, 4, 1);
        engine.enqueue(a, 0);
        engine.enqueue(b, 0);
        engine.enqueue(c, 0);

        assertThat(drain(engine, 0)).isEqualTo(30);
        // pass 1 prefills A and B (max_num_seqs = 2 keeps C waiting); pass 2 decodes both and B is done; pass 3
        // decodes A's last token while C, admitted into B's place, is prefilled
        assertThat(batches).containsExactly("P8+0 P6+0", "D16/2", "P4+0 D10");
        assertThat(events).containsExactly("prefill 1@10", "prefill 2@10", "tokens@20 gap 10 x2", "finished 2@20",
                "tokens@30 gap 10 x1", "prefill 3@30", "finished 1@30", "finished 3@30");
        assertThat(List.of(a.firstTokenMs(), a.secondTokenMs(), a.lastTokenMs())).containsExactly(10.0, 20.0, 30.0);
        assertThat(a.generated()).isEqualTo(3);
        assertThat(c.firstTokenMs()).isEqualTo(30);
        assertThat(c.worker()).isEqualTo(0);
        assertThat(engine.passes()).isEqualTo(3);
        assertThat(engine.busyMs()).isEqualTo(30);
        assertThat(engine.preemptions()).isZero();
        assertThat(engine.busy()).isFalse();
    }

    @Test
    void chunkedPrefillSplitsALongPromptByTheTokenBudget() {
        EngineSim engine = new EngineSim(0, args().maxNumBatchedTokens(8).build(), 16, timer);
        Sequence s = sequence(1, 20, 2);
        engine.enqueue(s, 0);

        assertThat(drain(engine, 0)).isEqualTo(40);
        assertThat(batches).containsExactly("P8+0", "P8+8", "P4+16", "D21");
        assertThat(events).containsExactly("prefill 1@30", "tokens@40 gap 10 x1", "finished 1@40");
    }

    @Test
    void withoutChunkedPrefillAPromptOverTheTokenBudgetIsNotScheduled() {
        EngineSim engine = new EngineSim(0, args().maxNumBatchedTokens(8).enableChunkedPrefill(false).build(), 16,
                timer);
        engine.enqueue(sequence(1, 20, 2), 0);

        assertThat(engine.startPass(0)).isNaN();
        assertThat(engine.hasWork()).isTrue();
        assertThat(batches).isEmpty();
    }

    @Test
    void runningOutOfKvBlocksPreemptsTheNewestSequenceWhichIsRecomputedLater() {
        // 5 blocks: A and B take 2 each for their 8-token prompts; A's 9th token takes the last free block, so B's
        // 9th token preempts B (its 2 blocks go back). B's recompute (8 + 1 tokens, 3 blocks) waits until A is done
        EngineSim engine = new EngineSim(0, args().build(), 5, timer);
        Sequence a = sequence(1, 8, 6);
        Sequence b = sequence(2, 8, 6);
        engine.enqueue(a, 0);
        engine.enqueue(b, 0);

        assertThat(drain(engine, 0)).isEqualTo(110);
        assertThat(batches).containsExactly("P8+0 P8+0", "D9", "D10", "D11", "D12", "D13", "P9+0", "D10", "D11",
                "D12", "D13");
        assertThat(engine.preemptions()).isEqualTo(1);
        assertThat(events).containsExactly("prefill 1@10", "prefill 2@10", "tokens@20 gap 10 x1",
                "tokens@30 gap 10 x1", "tokens@40 gap 10 x1", "tokens@50 gap 10 x1", "tokens@60 gap 10 x1",
                "finished 1@60", "tokens@70 gap 60 x1", "tokens@80 gap 10 x1", "tokens@90 gap 10 x1",
                "tokens@100 gap 10 x1", "tokens@110 gap 10 x1", "finished 2@110");
        // B's first token stands; its second came after the recompute
        assertThat(List.of(b.firstTokenMs(), b.secondTokenMs(), b.lastTokenMs())).containsExactly(10.0, 70.0, 110.0);
    }

    @Test
    void aPromptWaitsWhileItsBlocksAreNotFree() {
        EngineSim engine = new EngineSim(0, args().build(), 4, timer);
        engine.enqueue(sequence(1, 12, 1), 0);
        engine.enqueue(sequence(2, 8, 1), 0);

        engine.finishPass(engine.startPass(0), listener, kvEvents);
        assertThat(batches).containsExactly("P12+0");
        assertThat(events).containsExactly("prefill 1@10", "finished 1@10");
        engine.finishPass(engine.startPass(10), listener, kvEvents);
        assertThat(batches).containsExactly("P12+0", "P8+0");
    }

    @Test
    void aCachedPrefixIsReusedFromFullPromptBlocks() {
        EngineSim engine = new EngineSim(0, args().enablePrefixCaching(true).build(), 16, timer);
        // A's 10-token prompt has two full blocks (hashes 1, 2) and a partial one; B shares the two full blocks
        Sequence a = sequence(1, 10, 1, 1, 2, 3);
        engine.enqueue(a, 0);
        drain(engine, 0);
        assertThat(kv).containsExactly("+1", "+2");
        assertThat(a.reusedTokens()).isZero();

        Sequence b = sequence(2, 12, 1, 1, 2, 99);
        engine.enqueue(b, 10);
        drain(engine, 10);
        assertThat(batches).containsExactly("P10+0", "P4+8");
        assertThat(b.reusedTokens()).isEqualTo(8);
        assertThat(kv).containsExactly("+1", "+2", "+99");
    }

    @Test
    void aFullyCachedPromptStillComputesItsLastBlock() {
        // every block of B is cached, but the last prompt token must be computed to produce the first output token
        EngineSim engine = new EngineSim(0, args().enablePrefixCaching(true).build(), 16, timer);
        drain(engineWith(engine, sequence(1, 8, 1, 1, 2)), 0);
        Sequence b = sequence(2, 8, 1, 1, 2);
        engine.enqueue(b, 10);
        drain(engine, 10);
        assertThat(batches).containsExactly("P8+0", "P4+4");
        assertThat(b.reusedTokens()).isEqualTo(4);
    }

    @Test
    void aPrefillWorkerStopsAfterTheFirstToken() {
        EngineSim engine = new EngineSim(0, args().workerType(WorkerType.PREFILL).build(), 16, timer);
        Sequence s = new Sequence(Request.of(1, 0, 8, 50, new long[2]), 1, false);
        engine.enqueue(s, 0);
        drain(engine, 0);
        assertThat(batches).containsExactly("P8+0");
        assertThat(events).containsExactly("prefill 1@10", "finished 1@10");
        assertThat(List.of(s.firstTokenMs(), s.lastTokenMs())).containsExactly(10.0, 10.0);
    }

    @Test
    void aDecodeWorkerReceivesThePromptsKvAndOnlyDecodes() {
        EngineSim engine = new EngineSim(0, args().workerType(WorkerType.DECODE).build(), 16, timer);
        Sequence s = new Sequence(Request.of(1, 0, 8, 3, new long[2]), 3, true);
        engine.enqueue(s, 0);
        drain(engine, 0);
        assertThat(batches).containsExactly("D8", "D9", "D10");
        assertThat(events).containsExactly("tokens@20 gap 10 x1", "tokens@30 gap 10 x1", "finished 1@30");
    }

    private static EngineSim engineWith(EngineSim engine, Sequence s) {
        engine.enqueue(s, 0);
        return engine;
    }

    private static String describe(StepBatch batch) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < batch.prefillCount(); i++) {
            parts.add("P" + batch.prefillNewTokens(i) + "+" + batch.prefillCachedTokens(i));
        }
        if (batch.decodeCount() > 0) {
            // a batch keeps the decodes' total context: "D<sum>/<count>" when there are several
            parts.add("D" + batch.decodeContextSum() + (batch.decodeCount() > 1 ? "/" + batch.decodeCount() : ""));
        }
        return String.join(" ", parts);
    }
}
