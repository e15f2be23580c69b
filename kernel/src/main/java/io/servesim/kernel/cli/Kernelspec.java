package io.servesim.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code servesim} kernelspec: {@code kernel.json} ("Java 17 (servesim)", language java, interrupts by
 * message) and a copy of the kernel jar, into a Jupyter data directory's {@code kernels/servesim}.
 */
final class Kernelspec {
    static final String NAME = "servesim";
    static final String DISPLAY_NAME = "Java 17 (servesim)";

    private Kernelspec() {
    }

    /** Returns the kernels folder for {@code --user}. */
    static Path userKernels() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Jupyter", "kernels");
        }
        if (os.contains("win")) {
            return Path.of(System.getenv().getOrDefault("APPDATA", home), "jupyter", "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg)).resolve("jupyter")
                .resolve("kernels");
    }

    /** Returns the kernels folder under an installation prefix. */
    static Path prefixKernels(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** Installs into {@code kernelsDir/servesim} and returns that folder. */
    static Path install(Path kernelsDir) throws IOException {
        Path dir = kernelsDir.resolve(NAME);
        Files.createDirectories(dir);
        Path jar = Path.of(Kernelspec.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the kernel is not running from its jar (" + jar
                    + "); build it with `mvn -pl kernel -am package` and use ./servesim kernel install");
        }
        Files.copy(jar, dir.resolve("servesim-kernel.jar"), StandardCopyOption.REPLACE_EXISTING);
        String java = ProcessHandle.current().info().command().orElse("java");
        ObjectMapper m = new ObjectMapper();
        ObjectNode spec = m.createObjectNode();
        var argv = spec.putArray("argv");
        for (String a : List.of(java, "-jar", "{resource_dir}/servesim-kernel.jar", "kernel", "run", "{connection_file}")) {
            argv.add(a);
        }
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.putObject("env");
        spec.putObject("metadata").put("debugger", false);
        m.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("kernel.json").toFile(), spec);
        return dir;
    }
}
