package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lines come out as {@link BufferedReader} splits them (\n, \r\n, \r), whatever the read sizes of the input and
 * wherever a line starts in the reader's buffer, and lines over the cap come out as {@link LineReader#TOO_LONG}.
 */
class LineReaderTest {
    @Property(tries = 300)
    void splitsLikeBufferedReader(@ForAll("texts") String text, @ForAll long seed) throws IOException {
        int max = 40;
        List<String> expected = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                expected.add(l.length() > max ? "<too long>" : l);
            }
        }
        List<String> actual = new ArrayList<>();
        try (LineReader r = new LineReader(new ShortReads(text, seed), max)) {
            for (int n = r.next(); n != LineReader.END; n = r.next()) {
                actual.add(n == LineReader.TOO_LONG ? "<too long>" : new String(r.chars(), 0, n));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> line = Arbitraries.strings().withChars("ab{}\" ").ofMinLength(0).ofMaxLength(60);
        Arbitrary<String> end = Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\r\n");
        return net.jqwik.api.Combinators.combine(line, end).as(String::concat).list().ofMaxSize(40)
                .flatMap(parts -> Arbitraries.of("", "x", "\r").map(last -> String.join("", parts) + last));
    }

    /** Hands out the text in reads of 1 to 70 characters (or the whole of it), to move the buffer boundaries. */
    private static final class ShortReads extends Reader {
        private final String text;
        private final Random random;
        private int pos;

        ShortReads(String text, long seed) {
            this.text = text;
            this.random = new Random(seed);
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, text.length() - pos), random.nextInt(8) == 0 ? len : 1 + random.nextInt(70));
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
