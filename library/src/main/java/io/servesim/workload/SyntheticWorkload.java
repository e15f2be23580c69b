package io.servesim.workload;

import io.servesim.spec.WorkloadSpec;
import java.util.SplittableRandom;

/**
 * Synthetic requests from a {@link WorkloadSpec}: {@code requestCount} sessions of {@code turnsPerSession} turns.
 * Each first-turn prompt has {@code isl} tokens whose first {@code round(sharedPrefixRatio × blocks)} blocks are the
 * shared prefix of one of {@code numPrefixGroups} groups (the group drawn per session from {@code arrivalSeed}),
 * the rest unique. A later turn extends the previous prompt by the previous answer ({@code osl} tokens) and
 * {@code isl} new tokens: the previous prompt's full blocks are kept, so the cache can reuse them; it becomes ready
 * {@code interTurnDelayMs} after the previous turn completed.
 *
 * <p>Load: closed loop ({@code concurrency} sessions in flight; arrival times stamped by the simulator), or open loop
 * with Poisson arrivals at {@code requestRate} per second or one session every {@code arrivalIntervalMs}. Requests are
 * made on demand (memory O(in flight)); the same spec and seed give the same requests.
 *
 * <p>Steady state: with {@code islStddev}/{@code oslStddev} each turn's new prompt tokens and answer length are
 * drawn from a normal around {@code isl}/{@code osl} (seeded per session and turn, so independent of the order in
 * which requests are pulled), rounded and truncated at 1 token and so that prompt + answer fit the context.
 * {@link #rampUpMs()} and {@link #warmupRequests()} pass {@code rampUpMs} and {@code warmupRequests} on.
 */
public final class SyntheticWorkload implements Workload {
    private static final long SHARED_TAG = 0xD00D_0000_0000_0000L;
    private static final long UNIQUE_TAG = 0x0BAD_CAFE_0000_0000L;
    private static final long LENGTH_TAG = 0x1E46_7400_0000_0000L;

    private final WorkloadSpec.Synthetic spec;
    private final int blockSize;
    private final int sessions;
    private final int turns;
    private final int maxContextTokens;
    private final SplittableRandom arrivals;
    private int nextSession;
    private double nextArrivalMs;

    /** Creates the workload of a synthetic {@code spec} with {@code blockSize}-token blocks and no context limit. */
    public SyntheticWorkload(WorkloadSpec spec, int blockSize) {
        this(spec, blockSize, Integer.MAX_VALUE);
    }

    /**
     * Creates the workload of a synthetic {@code spec} with {@code blockSize}-token blocks; spread lengths are
     * truncated so that prompt + answer fit in {@code maxContextTokens}.
     */
    public SyntheticWorkload(WorkloadSpec spec, int blockSize, int maxContextTokens) {
        if (!(spec instanceof WorkloadSpec.Synthetic synthetic)) {
            throw new IllegalArgumentException("workload: a trace spec (" + ((WorkloadSpec.Trace) spec).traceFile()
                    + ") is not synthetic");
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block_size (" + blockSize + ") should be > 0");
        }
        if (maxContextTokens < 2) {
            throw new IllegalArgumentException("max context (" + maxContextTokens + ") should be >= 2 tokens");
        }
        this.spec = synthetic;
        this.blockSize = blockSize;
        this.maxContextTokens = maxContextTokens;
        this.sessions = synthetic.requestCount();
        this.turns = synthetic.turnsPerSession();
        this.arrivals = new SplittableRandom(synthetic.arrivalSeed());
    }

    @Override
    public int concurrency() {
        return spec.clients();
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public double rampUpMs() {
        return spec.rampUp();
    }

    @Override
    public int warmupRequests() {
        return spec.warmup();
    }

    @Override
    public long expectedRequests() {
        return (long) sessions * turns;
    }

    @Override
    public Request next() {
        if (nextSession >= sessions) {
            return null;
        }
        int session = nextSession++;
        double arrival = 0;
        if (concurrency() == 0) {
            arrival = nextArrivalMs;
            nextArrivalMs += spec.requestRate() != null
                    ? -Math.log(1 - arrivals.nextDouble()) * 1000.0 / spec.requestRate()
                    : spec.arrivalIntervalMs();
        }
        return firstTurn(session, arrival);
    }

    @Override
    public Request onCompleted(Request request, double timeMs) {
        int turn = request.turn() + 1;
        if (turn >= turns) {
            return null;
        }
        long session = request.sessionId();
        int keptBlocks = request.inputLength() / blockSize;
        long draw = lengths(session, turn);
        int input = request.inputLength() + request.outputLength() + (int) (draw >>> 32);
        long[] hashes = new long[BlockHashes.blocksFor(input, blockSize)];
        System.arraycopy(request.blockHashes(), 0, hashes, 0, keptBlocks);
        long parent = keptBlocks == 0 ? BlockHashes.ROOT : hashes[keptBlocks - 1];
        for (int i = keptBlocks; i < hashes.length; i++) {
            parent = BlockHashes.chain(parent, uniqueKey(session, turn, i));
            hashes[i] = parent;
        }
        return new Request(session * turns + turn, timeMs + spec.interTurnDelayMs(), input, (int) draw, hashes,
                session, turn);
    }

    /** Returns the prefix group of {@code session}, or -1 when prompts share nothing. */
    public int groupOf(long session) {
        if (spec.numPrefixGroups() <= 0 || spec.sharedPrefixRatio() <= 0) {
            return -1;
        }
        return new SplittableRandom(BlockHashes.key(spec.arrivalSeed(), session)).nextInt(spec.numPrefixGroups());
    }

    /** Returns the number of leading blocks of a first-turn prompt that are shared within its group. */
    public int sharedBlocks() {
        int blocks = BlockHashes.blocksFor(spec.isl(), blockSize);
        if (spec.numPrefixGroups() <= 0) {
            return 0;
        }
        return (int) Math.min(Math.round(blocks * spec.sharedPrefixRatio()), blocks);
    }

    /**
     * Returns the prompt (high 32 bits) and answer (low 32 bits) lengths of one turn: {@code isl}/{@code osl}, or
     * with a spread a seeded normal draw per (session, turn), rounded and truncated at 1 and at the context.
     */
    long lengths(long session, int turn) {
        int input = spec.isl();
        int output = spec.osl();
        if (spec.islSpread() > 0 || spec.oslSpread() > 0) {
            SplittableRandom r = new SplittableRandom(BlockHashes.key(BlockHashes.key(spec.arrivalSeed() ^ LENGTH_TAG,
                    session), turn));
            double gi = r.nextGaussian();
            double go = r.nextGaussian();
            input = (int) Math.max(1, Math.min(maxContextTokens - 1L, Math.round(input + spec.islSpread() * gi)));
            output = (int) Math.max(1, Math.min((long) maxContextTokens - input,
                    Math.round(output + spec.oslSpread() * go)));
        }
        return ((long) input << 32) | output;
    }

    private Request firstTurn(int session, double arrivalMs) {
        long draw = lengths(session, 0);
        int input = (int) (draw >>> 32);
        long[] hashes = new long[BlockHashes.blocksFor(input, blockSize)];
        int group = groupOf(session);
        int shared = group < 0 ? 0 : sharedBlocks();
        long parent = BlockHashes.ROOT;
        for (int i = 0; i < hashes.length; i++) {
            long content = i < shared
                    ? SHARED_TAG ^ BlockHashes.key(spec.arrivalSeed() ^ ((long) group << 32), i)
                    : uniqueKey(session, 0, i);
            parent = BlockHashes.chain(parent, content);
            hashes[i] = parent;
        }
        return new Request((long) session * turns, arrivalMs, input, (int) draw, hashes, session, 0);
    }

    private long uniqueKey(long session, int turn, int block) {
        return UNIQUE_TAG ^ BlockHashes.key(BlockHashes.key(spec.arrivalSeed(), session), ((long) turn << 32) | block);
    }
}
