package io.servesim.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The inputs of this kernel session, answered to {@code history_request} (tail, range and glob search), as IPython's
 * history for the current session. Thread-safe.
 */
final class KernelHistory implements HistoryManager {
    private static final int SESSION = 1;
    private final List<HistoryEntry> entries = new ArrayList<>();

    /** Records the input of execution {@code count}. */
    synchronized void add(int count, String input) {
        entries.add(new HistoryEntry(SESSION, count, input, null));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, length));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if ((session == 0 || session == SESSION || session == -1) && e.getCellNumber() >= start
                    && (stop <= 0 || e.getCellNumber() < stop)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern p = Pattern.compile(globRegex(glob == null ? "*" : glob), Pattern.DOTALL);
        List<HistoryEntry> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (length <= 0 || out.size() < length); i--) {
            HistoryEntry e = entries.get(i);
            if (p.matcher(e.getInput()).matches()
                    && (!flags.contains(ResultFlag.UNIQUE) || seen.add(e.getInput()))) {
                out.add(0, e);
            }
        }
        return out;
    }

    private static String globRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
