package io.servesim.kernel.session;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands objects between the kernel and the notebook's JShell (both run in one JVM): magics park a value under a key
 * and the generated snippet {@code var name = (Type) Bindings.take("key");} picks it up; the kernel reads the value of
 * a cell's last expression through {@link #last}.
 */
public final class Bindings {
    private static final ConcurrentHashMap<String, Object> PARKED = new ConcurrentHashMap<>();
    private static volatile Object last;

    private Bindings() {
    }

    /** Parks {@code value} under {@code key}. */
    public static void put(String key, Object value) {
        PARKED.put(key, value);
    }

    /**
     * Removes and returns the value parked under {@code key}. Use {@link #bound} for variables: JShell re-runs a
     * variable's initializer when a later snippet (an import, say) changes how it resolves.
     */
    public static Object take(String key) {
        return PARKED.remove(key);
    }

    /** Returns the value bound under {@code key}, keeping it for later re-evaluations of the declaration. */
    public static Object bound(String key) {
        return PARKED.get(key);
    }

    /** Records the value of a cell's last expression (called from generated snippets). */
    public static void setLast(Object value) {
        last = value;
    }

    /** Returns and clears the last recorded value. */
    public static Object takeLast() {
        Object v = last;
        last = null;
        return v;
    }
}
