package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which timing model prices engine passes: the H200 operator tables (default) or the original mocker's polynomial. */
public enum PerfModelKind {
    TABLES("tables"),
    POLYNOMIAL("polynomial");

    private final String id;

    PerfModelKind(String id) {
        this.id = id;
    }

    /** Returns the name used in specs. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a spec name such as {@code polynomial}. */
    @JsonCreator
    public static PerfModelKind named(String name) {
        for (PerfModelKind k : values()) {
            if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw SpecException.of("engineArgs", "perf_model", name, "allowed: " + Arrays.stream(values())
                .map(PerfModelKind::id).collect(Collectors.joining(", ")));
    }
}
