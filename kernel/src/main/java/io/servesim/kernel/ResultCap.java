package io.servesim.kernel;

import io.servesim.kernel.session.BatchedOutput;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Caps the size of a cell's result like its printed output ({@value BatchedOutput#LIMIT_BYTES} bytes): long strings
 * are cut with a note, and a rendering larger than the cap is replaced by a note (HTML cannot be cut safely).
 */
final class ResultCap {
    static final int LIMIT_CHARS = BatchedOutput.LIMIT_BYTES;

    private ResultCap() {
    }

    /** Returns {@code v}, or a cut copy when it is a very long character sequence. */
    static Object value(Object v) {
        if (v instanceof CharSequence s && s.length() > LIMIT_CHARS) {
            return s.subSequence(0, LIMIT_CHARS) + note(s.length());
        }
        return v;
    }

    /** Returns {@code d} with over-long text renderings cut and over-long HTML replaced by a note. */
    static DisplayData apply(DisplayData d) {
        Object text = d.getData(MIMEType.TEXT_PLAIN);
        if (text instanceof String s && s.length() > LIMIT_CHARS) {
            d.putData(MIMEType.TEXT_PLAIN, s.substring(0, LIMIT_CHARS) + note(s.length()));
        }
        Object html = d.getData(MIMEType.TEXT_HTML);
        if (html instanceof String s && s.length() > LIMIT_CHARS) {
            d.putData(MIMEType.TEXT_HTML, "<pre>" + note(s.length()).strip() + "</pre>");
        }
        return d;
    }

    static String note(long chars) {
        return String.format(Locale.ROOT, "%n[result truncated: %,d characters, the first %,d shown]%n", chars,
                LIMIT_CHARS);
    }
}
