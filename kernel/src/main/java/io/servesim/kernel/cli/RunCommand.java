package io.servesim.kernel.cli;

import io.servesim.kernel.KernelConnection;
import io.servesim.kernel.ServesimKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code servesim kernel run CONNECTION_FILE}: serves one Jupyter session (started by Jupyter, not by hand). */
@Command(name = "run", description = "Run the kernel on a Jupyter connection file (Jupyter does this).")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE") Path connectionFile;

    @Override
    public Integer call() throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        KernelConnection connection = new KernelConnection(props);
        ServesimKernel kernel = ServesimKernel.builder().build();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
        return 0;
    }
}
