package io.servesim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs the packaged kernel into a temporary Jupyter prefix and runs Debian's Python tools against it. */
final class PythonHarness {
    static final Path KERNEL_JAR = Path.of("target", "servesim-kernel.jar");
    static final String PYTHON = "/usr/bin/python3";

    private PythonHarness() {
    }

    /** Installs the kernelspec under {@code prefix} and returns the Jupyter data path to use. */
    static Path install(Path prefix) throws Exception {
        assertThat(KERNEL_JAR).as("the packaged kernel jar (mvn package)").exists();
        Result r = run(List.of(javaBin(), "-jar", KERNEL_JAR.toString(), "kernel", "install", "--prefix",
                prefix.toString()), null, Path.of(""), 120);
        assertThat(r.exit).as(r.output).isZero();
        return prefix.resolve("share").resolve("jupyter");
    }

    static String javaBin() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs {@code command} with JUPYTER_PATH set (when not null) in {@code dir}. */
    static Result run(List<String> command, Path jupyterPath, Path dir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toAbsolutePath().toFile())
                .redirectErrorStream(true);
        if (jupyterPath != null) {
            pb.environment().put("JUPYTER_PATH", jupyterPath.toAbsolutePath().toString());
            pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        }
        Path log = Files.createTempFile("servesim-it-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-1, read(log) + "\n[timed out after " + timeoutSeconds + " s]");
        }
        return new Result(p.exitValue(), read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    record Result(int exit, String output) {
    }
}
