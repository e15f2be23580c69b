package io.servesim.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the {@code servesim} kernelspec: {@code kernel.json} ("Java 17 (servesim)", language java, interrupts by
 * message, optional JVM options and startup script in its {@code env}) and a copy of the kernel jar, into a Jupyter
 * data directory's {@code kernels/servesim}. The copy is stamped with the build it came from, so a stale kernelspec
 * (an older build) is detected and replaced.
 */
final class Kernelspec {
    static final String NAME = "servesim";
    static final String DISPLAY_NAME = "Java 17 (servesim)";
    /** Read by the {@code java} launcher itself: JVM options for the kernel (heap size, say). */
    static final String JVM_OPTIONS_ENV = "JDK_JAVA_OPTIONS";
    /** A JShell script the kernel runs at start (imports, helper methods). */
    static final String STARTUP_ENV = io.servesim.kernel.ServesimKernel.STARTUP_ENV;
    private static final String BUILD_KEY = "servesim_build";

    private Kernelspec() {
    }

    /** Returns the kernels folder for {@code --user}: {@code $JUPYTER_DATA_DIR/kernels} when set, else the OS's. */
    static Path userKernels() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data).resolve("kernels");
        }
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

    /** Returns the jar this process runs from. */
    static Path runningJar() {
        Path jar = Path.of(Kernelspec.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the kernel is not running from its jar (" + jar
                    + "); build it with `mvn -pl kernel -am package` and use ./servesim kernel install");
        }
        return jar;
    }

    /** Returns true when {@code kernelsDir/servesim} holds a kernelspec of this very build. */
    static boolean isCurrent(Path kernelsDir) throws IOException {
        return isCurrent(kernelsDir, runningJar());
    }

    /** Returns true when {@code kernelsDir/servesim} holds a kernelspec made from {@code jar} as it is now. */
    static boolean isCurrent(Path kernelsDir, Path jar) throws IOException {
        Path json = kernelsDir.resolve(NAME).resolve("kernel.json");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(kernelsDir.resolve(NAME).resolve("servesim-kernel.jar"))) {
            return false;
        }
        JsonNode build = new ObjectMapper().readTree(json.toFile()).path("metadata").path(BUILD_KEY);
        return build.asText().equals(stamp(jar));
    }

    /** Installs into {@code kernelsDir/servesim} with the given {@code env} entries; returns that folder. */
    static Path install(Path kernelsDir, Map<String, String> env) throws IOException {
        return install(kernelsDir, env, runningJar());
    }

    /** Installs {@code jar} into {@code kernelsDir/servesim} with the given {@code env} entries; returns that folder. */
    static Path install(Path kernelsDir, Map<String, String> env, Path jar) throws IOException {
        Path dir = kernelsDir.resolve(NAME);
        Files.createDirectories(dir);
        // a new file (not rewritten in place): kernels still running the old copy keep a consistent jar
        Path tmp = Files.createTempFile(dir, "servesim-kernel", ".jar.tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve("servesim-kernel.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
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
        ObjectNode envNode = spec.putObject("env");
        env.forEach(envNode::put);
        ObjectNode meta = spec.putObject("metadata");
        meta.put("debugger", false);
        meta.put(BUILD_KEY, stamp(jar));
        m.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("kernel.json").toFile(), spec);
        return dir;
    }

    /** Returns the env entries of an installed kernelspec (kept when it is refreshed), or none. */
    static Map<String, String> installedEnv(Path kernelsDir) throws IOException {
        Path json = kernelsDir.resolve(NAME).resolve("kernel.json");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (Files.isRegularFile(json)) {
            new ObjectMapper().readTree(json.toFile()).path("env").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
    }
}
