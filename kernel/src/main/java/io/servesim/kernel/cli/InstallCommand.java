package io.servesim.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code servesim kernel install [--user|--sys-prefix|--prefix DIR] [--jvm-options OPTS] [--startup FILE]}: writes
 * the servesim kernelspec.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the \"Java 17 (servesim)\" kernelspec so Jupyter lists it (default: --user, which honours"
                + " $JUPYTER_DATA_DIR).")
final class InstallCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--jvm-options", paramLabel = "OPTS",
            description = "JVM options of the kernel, e.g. \"-Xmx2g\" (kernel.json env " + Kernelspec.JVM_OPTIONS_ENV + ")")
    String jvmOptions;

    @Option(names = "--startup", paramLabel = "FILE",
            description = "JShell script every kernel session runs first (kernel.json env " + Kernelspec.STARTUP_ENV + ")")
    Path startup;

    static final class Where {
        @Option(names = "--user", description = "For the current user (default)") boolean user;
        @Option(names = "--sys-prefix", description = "Into the Python environment's prefix (sys.prefix)") boolean sysPrefix;
        @Option(names = "--prefix", paramLabel = "DIR", description = "Under DIR/share/jupyter/kernels") Path prefix;
    }

    @Override
    public Integer call() throws Exception {
        Path kernels;
        if (where != null && where.prefix != null) {
            kernels = Kernelspec.prefixKernels(where.prefix);
        } else if (where != null && where.sysPrefix) {
            kernels = Kernelspec.prefixKernels(Path.of(PythonEnv.sysPrefix()));
        } else {
            kernels = Kernelspec.userKernels();
        }
        Map<String, String> env = Kernelspec.installedEnv(kernels);
        if (jvmOptions != null) {
            env.put(Kernelspec.JVM_OPTIONS_ENV, jvmOptions);
        }
        if (startup != null) {
            if (!Files.isRegularFile(startup)) {
                throw new IllegalArgumentException("--startup: file " + startup.toAbsolutePath() + " does not exist");
            }
            env.put(Kernelspec.STARTUP_ENV, startup.toAbsolutePath().toString());
        }
        Path dir = Kernelspec.install(kernels, env);
        System.out.println("installed kernelspec \"" + Kernelspec.NAME + "\" (" + Kernelspec.DISPLAY_NAME + ") in " + dir);
        return 0;
    }
}
