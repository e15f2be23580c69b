package io.servesim.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Python that runs Jupyter (Debian's {@code /usr/bin/python3} first, else {@code python3} on the PATH). */
final class PythonEnv {
    private PythonEnv() {
    }

    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static String sysPrefix() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python(), "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("could not ask Python for sys.prefix: " + out);
        }
        return out;
    }
}
