package io.servesim.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of enum-valued engine args by their spec name or an alias, with one clear error listing what is allowed. */
final class SpecNames {
    private SpecNames() {
    }

    static <E> E parse(E[] values, String name, Function<E, String> id, Function<E, List<String>> aliases, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (E v : values) {
            if (id.apply(v).equals(n) || aliases.apply(v).contains(n)) {
                return v;
            }
        }
        throw SpecException.of(EngineArgs.SECTION, field, name, "allowed: " + Arrays.stream(values)
                .map(v -> aliases.apply(v).isEmpty() ? id.apply(v)
                        : id.apply(v) + " (or " + String.join(", ", aliases.apply(v)) + ")")
                .collect(Collectors.joining(", ")));
    }
}
