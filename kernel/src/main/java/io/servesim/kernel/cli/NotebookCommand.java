package io.servesim.kernel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code servesim notebook [--ip IP] [--port N] [--no-browser] [-- JUPYTER_ARGS]}: makes sure the user's kernelspec
 * runs this build (installing or refreshing it) and starts Jupyter on {@code notebooks/}; as root (containers) it
 * adds Jupyter's {@code --allow-root}.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Install or refresh the kernel and start a Jupyter notebook server on notebooks/.")
final class NotebookCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "notebooks", description = "Folder to serve (default notebooks)") Path dir;
    @Option(names = "--no-browser", description = "Do not open a browser") boolean noBrowser;
    @Option(names = "--ip", paramLabel = "IP", description = "Address to listen on, e.g. 0.0.0.0 in a container") String ip;
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on") Integer port;
    @Parameters(paramLabel = "JUPYTER_ARGS", description = "After --: passed to `jupyter notebook` as they are")
    List<String> jupyterArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("--port is " + port + "; allowed: 1 to 65535");
        }
        Path kernels = Kernelspec.userKernels();
        if (!Kernelspec.isCurrent(kernels)) {
            System.out.println("installed kernelspec for this build in "
                    + Kernelspec.install(kernels, Kernelspec.installedEnv(kernels)));
        }
        List<String> cmd = command(dir, isRoot());
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start Jupyter (" + e.getMessage() + "); install it first, e.g."
                    + " `sudo apt-get install jupyter-notebook` (Debian) or `pip install notebook`");
        }
        return p.waitFor();
    }

    /** Returns the Jupyter command line. */
    List<String> command(Path folder, boolean root) {
        List<String> cmd = new ArrayList<>(List.of("jupyter", "notebook", "--notebook-dir=" + folder.toAbsolutePath()));
        if (noBrowser) {
            cmd.add("--no-browser");
        }
        if (ip != null) {
            cmd.add("--ip=" + ip);
        }
        if (port != null) {
            cmd.add("--port=" + port);
        }
        if (root && !jupyterArgs.contains("--allow-root")) {
            cmd.add("--allow-root");
        }
        cmd.addAll(jupyterArgs);
        return cmd;
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
