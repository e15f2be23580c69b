package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of rendered output, in {@code src/test/resources/io/servesim/report/golden/}. A deliberate change of
 * rendering regenerates them (then review the diff as an API change):
 * <pre>{@code
 * mvn -B -ntp -pl library test -Dtest=ReportGoldenTest -Dservesim.golden.update=true
 * }</pre>
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/io/servesim/report/golden");

    private Golden() {
    }

    /** Asserts that {@code fresh} equals the golden file {@code name} byte for byte (or rewrites it when updating). */
    static void assertMatches(String name, String fresh) {
        Path golden = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("servesim.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(golden, fresh, StandardCharsets.UTF_8);
                System.out.println("golden file rewritten: " + golden);
                return;
            }
            assertThat(golden).as("golden file (regenerate: see Golden's javadoc)").exists();
            assertThat(fresh).as("%s differs from its golden file; if the change is deliberate, regenerate with"
                    + " -Dservesim.golden.update=true", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
