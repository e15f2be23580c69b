package io.servesim.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of enum-valued spec fields by their spec name or an alias, with one clear error listing what is allowed. */
final class SpecNames {
    private SpecNames() {
    }

    /**
     * Returns the constant named {@code name} (any case, surrounding blanks and {@code -} for {@code _} allowed);
     * fails naming {@code section.field}, the value and every allowed name.
     */
    static <E extends SpecName> E parse(E[] values, String name, String section, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (E v : values) {
            if (v.id().equals(n) || v.id().equals(n.replace('-', '_')) || v.aliases().contains(n)) {
                return v;
            }
        }
        throw SpecException.of(section, field, name, "allowed: " + Arrays.stream(values)
                .map(v -> v.aliases().isEmpty() ? v.id() : v.id() + " (or " + String.join(", ", v.aliases()) + ")")
                .collect(Collectors.joining(", ")));
    }
}
