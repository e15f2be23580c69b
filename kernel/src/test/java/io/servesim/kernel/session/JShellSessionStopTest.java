package io.servesim.kernel.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping a cell ends it promptly, whether the stop lands while its code runs or while JShell still compiles it. */
class JShellSessionStopTest {
    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = new JShellSession();
        session.eval("int warm = 1;", 1);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void aStopBeforeTheSnippetRunsStillEndsTheCell() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            session.beginCell(100 + attempt);
            // a fresh class in every attempt, so JShell has something to compile when the stop lands
            String name = "Slow" + attempt;
            CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> session.eval(
                    "class " + name + " { static void go() throws Exception { Thread.sleep(60_000); } }\n"
                            + name + ".go();", 1), JShellSessionStopTest::onItsOwnThread);
            Thread.sleep(attempt * 30L);
            session.stop();
            long t0 = System.nanoTime();
            Throwable thrown = failure(cell);
            assertThat(thrown).isInstanceOf(CellError.class);
            assertThat(((CellError) thrown).lines().get(0)).startsWith("InterruptedException");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
        }
    }

    @Test
    void aStopWhileTheCodeSleepsEndsTheCell() throws Exception {
        session.beginCell(200);
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> session.eval("Thread.sleep(60_000);", 1),
                JShellSessionStopTest::onItsOwnThread);
        Thread.sleep(1500);
        session.stop();
        assertThat(failure(cell)).isInstanceOf(CellError.class);
    }

    @Test
    void aStopNeverReachesTheNextCell() throws Exception {
        session.beginCell(299);
        // compiled once, so that the next cells start running at once
        session.eval("int answerAfterANap() throws InterruptedException { Thread.sleep(300); return 42; }", 1);
        for (int attempt = 0; attempt < 10; attempt++) {
            session.beginCell(300 + 2 * attempt);
            CompletableFuture<Object> cell = CompletableFuture.supplyAsync(
                    () -> session.eval("Thread.sleep(60_000);", 1), JShellSessionStopTest::onItsOwnThread);
            Thread.sleep(50);
            session.stop();
            assertThat(failure(cell)).isInstanceOf(CellError.class);
            // the next cell starts at once, while the stop's retries may still be waiting to run
            session.beginCell(301 + 2 * attempt);
            assertThat(session.eval("answerAfterANap()", 1)).as("attempt %d", attempt).isEqualTo(42);
        }
    }

    /** Runs a cell on a fresh thread, as the kernel's shell thread does (a shared pool thread may carry a stale
     * interrupt from another test, which would end JShell's wait for the snippet early). */
    private static void onItsOwnThread(Runnable r) {
        Thread t = new Thread(r, "test-cell");
        t.setDaemon(true);
        t.start();
    }

    private static Throwable failure(CompletableFuture<Object> cell) throws Exception {
        try {
            cell.get(20, TimeUnit.SECONDS);
            throw new AssertionError("the cell was not stopped");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
