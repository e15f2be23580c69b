package io.servesim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every notebook in {@code notebooks/} with nbclient on the installed servesim kernel: notebooks are stored without outputs,
 * fresh outputs must hold no error, each notebook must produce the HTML tables and charts it declares, the nbconvert
 * HTML export must embed plotly.js (no CDN), and headless Chromium must draw every chart of the exported page
 * (see src/test/python/notebooks_check.py; pages and screenshots land in target/notebooks-html).
 */
class NotebooksIT {
    @Test
    void everyNotebookRunsAndRenders(@TempDir Path prefix) throws Exception {
        Path jupyter = PythonHarness.install(prefix);
        Path notebooks = Path.of("..", "notebooks").toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of(PythonHarness.PYTHON,
                Path.of("src/test/python/notebooks_check.py").toAbsolutePath().toString(),
                "--out", Path.of("target", "notebooks-html").toAbsolutePath().toString()));
        try (Stream<Path> files = Files.list(notebooks)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted()
                    .toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(6);
            cmd.addAll(names);
        }
        PythonHarness.Result r = PythonHarness.run(cmd, jupyter, notebooks, 1800);
        System.out.println(r.output());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("FAILED");
    }
}
