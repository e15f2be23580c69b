package io.servesim.kernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The notebook command's Jupyter command line and the kernelspec's freshness check. */
class NotebookCommandTest {
    private static NotebookCommand parse(String... args) {
        NotebookCommand c = new NotebookCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void passesIpPortAndExtraArgumentsAndAllowsRootOnlyAsRoot() {
        NotebookCommand c = parse("--ip", "0.0.0.0", "--port", "8899", "--no-browser", "--", "--NotebookApp.token=abc");
        assertThat(c.command(Path.of("nb"), true)).containsSubsequence("jupyter", "notebook", "--no-browser",
                "--ip=0.0.0.0", "--port=8899", "--allow-root", "--NotebookApp.token=abc");
        assertThat(c.command(Path.of("nb"), false)).doesNotContain("--allow-root");
        assertThat(parse("--", "--allow-root").command(Path.of("nb"), true)).containsOnlyOnce("--allow-root");
    }

    @Test
    void aRebuiltJarMakesTheKernelspecStaleUntilReinstalled(@TempDir Path tmp) throws Exception {
        Path jar = Files.write(tmp.resolve("servesim-kernel.jar"), new byte[] {1, 2, 3});
        Path kernels = tmp.resolve("kernels");
        assertThat(Kernelspec.isCurrent(kernels, jar)).isFalse();
        Kernelspec.install(kernels, Map.of(Kernelspec.JVM_OPTIONS_ENV, "-Xmx1g"), jar);
        assertThat(Kernelspec.isCurrent(kernels, jar)).isTrue();
        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(Kernelspec.isCurrent(kernels, jar)).isFalse();
        assertThat(Kernelspec.installedEnv(kernels)).containsEntry(Kernelspec.JVM_OPTIONS_ENV, "-Xmx1g");
        Kernelspec.install(kernels, Kernelspec.installedEnv(kernels), jar);
        assertThat(Kernelspec.isCurrent(kernels, jar)).isTrue();
        assertThat(Files.readAllBytes(kernels.resolve("servesim/servesim-kernel.jar"))).hasSize(4);
    }
}
