package io.servesim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the installed kernelspec with Debian's jupyter_client and checks the kernel's replies and MIME bundles:
 * code, printing, compile and runtime errors (exception names, cell line numbers, trimmed frames), magics and their
 * usage errors, the sweep's spec checks, tables, offline charts that survive a re-run + save + reload (drawn by headless
 * Chromium), display handles, %maven/%jars/%load, completion and inspection, interrupts (error reply, queue aborted),
 * System.exit trapped, result cap, history and stdin requests, large output and restart
 * (see src/test/python/kernel_protocol_check.py).
 */
class KernelProtocolIT {
    @Test
    void speaksTheJupyterProtocol(@TempDir Path prefix) throws Exception {
        Path jupyter = PythonHarness.install(prefix);
        PythonHarness.Result r = PythonHarness.run(List.of(PythonHarness.PYTHON,
                Path.of("src/test/python/kernel_protocol_check.py").toAbsolutePath().toString()), jupyter,
                Path.of(""), 900);
        System.out.println(r.output());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("all kernel checks passed").doesNotContain("FAIL");
    }
}
