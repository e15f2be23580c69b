package io.servesim.kernel.session;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument string like a shell: whitespace separates, single or double quotes group. */
public final class MagicArgs {
    private MagicArgs() {
    }

    /** Returns the arguments of {@code line}. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new CellError("UsageError", List.of("unclosed " + quote + " quote in: " + line));
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
