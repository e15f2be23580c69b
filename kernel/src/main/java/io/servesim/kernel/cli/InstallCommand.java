package io.servesim.kernel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code servesim kernel install [--user|--sys-prefix|--prefix DIR]}: writes the servesim kernelspec. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the \"Java 17 (servesim)\" kernelspec so Jupyter lists it (default: --user).")
final class InstallCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Where where;

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
        Path dir = Kernelspec.install(kernels);
        System.out.println("installed kernelspec \"" + Kernelspec.NAME + "\" (" + Kernelspec.DISPLAY_NAME + ") in " + dir);
        return 0;
    }
}
