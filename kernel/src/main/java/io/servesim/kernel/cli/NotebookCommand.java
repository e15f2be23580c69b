package io.servesim.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code servesim notebook}: installs the kernel for the user if needed and starts Jupyter on {@code notebooks/}. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Install the kernel if needed and start a Jupyter notebook server on notebooks/.")
final class NotebookCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "notebooks", description = "Folder to serve (default notebooks)") Path dir;
    @Option(names = "--no-browser", description = "Do not open a browser") boolean noBrowser;
    @Option(names = "--port", paramLabel = "N") Integer port;

    @Override
    public Integer call() throws Exception {
        Path spec = Kernelspec.userKernels().resolve(Kernelspec.NAME).resolve("kernel.json");
        if (!Files.exists(spec)) {
            System.out.println("installed kernelspec in " + Kernelspec.install(Kernelspec.userKernels()));
        }
        List<String> cmd = new ArrayList<>(List.of("jupyter", "notebook", "--notebook-dir=" + dir.toAbsolutePath()));
        if (noBrowser) {
            cmd.add("--no-browser");
        }
        if (port != null) {
            cmd.add("--port=" + port);
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start Jupyter (" + e.getMessage() + "); install it first, e.g."
                    + " `sudo apt-get install jupyter-notebook` (Debian) or `pip install notebook`");
        }
        return p.waitFor();
    }
}
