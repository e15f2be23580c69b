package io.servesim.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.servesim.spec.SpecException;
import java.util.Locale;

/**
 * How each cell of a study is searched: the budget-focused {@code descent}, or {@code exhaustive} (every state; the
 * cell also reports the descent's optimality gap, computed from the same evaluations).
 */
public enum SearchMode {
    DESCENT, EXHAUSTIVE;

    /** Returns the name used in study files and the cells table. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code descent} or {@code exhaustive}. */
    @JsonCreator
    public static SearchMode named(String name) {
        for (SearchMode m : values()) {
            if (m.id().equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw SpecException.of("", "search", name, "allowed: descent, exhaustive");
    }
}
