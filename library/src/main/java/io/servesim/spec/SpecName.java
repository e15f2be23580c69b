package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * An enum constant as specs spell it: its name in lower case ({@link #id()}), plus any aliases a spec may use
 * instead. Parsing, with one error listing what is allowed, is {@code SpecNames.parse}.
 */
public interface SpecName {
    /** Returns the name used in specs and result tables. */
    @JsonValue
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** Returns the other names a spec may use for this constant (none unless overridden). */
    default List<String> aliases() {
        return List.of();
    }
}
