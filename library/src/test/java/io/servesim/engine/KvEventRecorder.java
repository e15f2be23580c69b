package io.servesim.engine;

import java.util.ArrayList;
import java.util.List;

/** Records a worker's KV events as {@code +hash} (stored) and {@code -hash} (removed), in order. */
final class KvEventRecorder implements KvEventListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void stored(int worker, long hash) {
        events.add("+" + hash);
    }

    @Override
    public void removed(int worker, long hash) {
        events.add("-" + hash);
    }
}
