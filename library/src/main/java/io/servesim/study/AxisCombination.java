package io.servesim.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.servesim.spec.SpecException;
import java.util.Locale;

/** How a study combines its axes: every combination ({@code cross}) or the i-th values together ({@code zip}). */
public enum AxisCombination {
    CROSS, ZIP;

    /** Returns the name used in study files. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code cross} or {@code zip}. */
    @JsonCreator
    public static AxisCombination named(String name) {
        for (AxisCombination c : values()) {
            if (c.id().equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw SpecException.of("", "combine", name, "allowed: cross, zip");
    }
}
