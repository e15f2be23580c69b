#!/usr/bin/python3
"""Talks to the installed servesim kernel with jupyter_client and checks its replies and MIME bundles.

Covers: kernel_info, a plain expression, printing, a compile error (kernel keeps running), a runtime exception
(named after its class, positions as cell lines, trimmed and collapsed frames, servesim's one-line messages),
%%spec binding a variable, %help, a bad magic argument (usage, no stack trace), %perf, a Tablesaw table (HTML),
charts that survive a re-run + save + reload (nbconvert page drawn by headless Chromium), completion, inspection,
interrupts (sweep, busy loop, sleep, plain-Java optimize: error reply, queued cells aborted), System.exit trapped,
result size cap, history_request, input_request, and a restart.
Exit status 0 when every check passes; prints one line per check.
"""
import os
import re
import sys
import tempfile
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbconvert import HTMLExporter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notebooks_check import rendered_charts  # noqa: E402

failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + str(detail)[:600]), flush=True)
    if not cond:
        failures.append(name)


def run(kc, code, timeout=120, stdin_answer=None):
    msg_id = kc.execute(code, allow_stdin=stdin_answer is not None)
    outputs = []
    while True:
        if stdin_answer is not None:
            try:
                req = kc.get_stdin_msg(timeout=0.05)
                outputs.append(req)
                kc.input(stdin_answer)
            except Exception:
                pass
            try:
                msg = kc.get_iopub_msg(timeout=0.2)
            except Exception:
                continue
        else:
            msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "status" and msg["content"]["execution_state"] == "idle":
            break
        if t in ("execute_result", "display_data", "stream", "error", "update_display_data"):
            outputs.append(msg)
    reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def plain(outputs):
    return data(outputs, "text/plain").strip()


def data(outputs, mime):
    return "".join(o["content"].get("data", {}).get(mime, "") for o in outputs
                   if o["msg_type"] in ("execute_result", "display_data", "update_display_data"))


def text(outputs):
    return "".join(o["content"].get("text", "") for o in outputs if o["msg_type"] == "stream")


def reply_to(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def error_of(out):
    errors = [o["content"] for o in out if o["msg_type"] == "error"]
    return errors[0] if errors else {"ename": None, "evalue": None, "traceback": []}


def started(kc, msg_id, timeout=60):
    """Waits until the cell msg_id has produced its first output (so it is running, not still queued)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] in (
                "stream", "display_data", "update_display_data"):
            return
    raise SystemExit("cell did not start within %d s" % timeout)


def interrupted(km, kc, code, wait, label):
    """Runs code, interrupts it wait seconds after it started with a second cell queued; checks the error and the
    abort. An interrupt that arrives while no cell runs is ignored (as in IPython), so the check waits for the cell's
    first output before counting: on a loaded machine a cell can start seconds after it was sent."""
    first = kc.execute(code)
    queued = kc.execute("int afterInterrupt = 1;")
    started(kc, first)
    time.sleep(wait)
    t0 = time.time()
    km.interrupt_kernel()
    r1 = reply_to(kc, first)
    elapsed = time.time() - t0
    r2 = reply_to(kc, queued)
    print("     %s: reply %.2f s after the interrupt" % (label, elapsed), flush=True)
    check(label + ": error reply named InterruptedException",
          r1["status"] == "error" and r1.get("ename") == "InterruptedException" and elapsed < 5, (r1, elapsed))
    check(label + ": queued cell aborted", r2["status"] == "aborted", r2)
    time.sleep(0.5)


def charts_survive_rerun_save_reload(kc):
    """Runs two chart cells, re-runs the first, saves, reloads and exports: every output must draw on its own."""
    cells = ["Charts.routerHeatmap(r)", "Charts.paretoTtft(r)"]
    outs = {}
    for c in cells + cells[:1]:
        outs[c] = run(kc, c)[1]
    nb = nbformat.v4.new_notebook()
    for c in cells:
        cell = nbformat.v4.new_code_cell(c)
        cell.outputs = [nbformat.v4.output_from_msg(o) for o in outs[c] if o["msg_type"] in ("execute_result", "display_data")]
        nb.cells.append(cell)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "saved.ipynb")
        nbformat.write(nb, path)
        reloaded = nbformat.read(path, as_version=4)
        body, _ = HTMLExporter().from_notebook_node(reloaded)
        page = os.path.join(d, "saved.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(body)
        for i, cell in enumerate(reloaded.cells):
            html = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            check("chart output %d carries plotly.js itself" % i, "DecompressionStream" in html, len(html))
        drawn = rendered_charts(page)
    check("re-run + save + reload: Chromium draws every chart", drawn == len(cells), drawn)


def main():
    km, kc = start_new_kernel(kernel_name="servesim", startup_timeout=120)
    try:
        info = kc.kernel_info(reply=True, timeout=60)["content"]
        check("kernel_info language java", info["language_info"]["name"] == "java", info)

        reply, out = run(kc, "int x = 40 + 2;\nx")
        check("expression result", reply["status"] == "ok" and data(out, "text/plain").strip() == "42", out)

        reply, out = run(kc, 'System.out.println("hello from java");')
        check("stdout stream", "hello from java" in text(out), out)

        reply, out = run(kc, "int y = ;")
        errors = [o for o in out if o["msg_type"] == "error"]
        check("compile error reported", reply["status"] == "error" and errors, out)
        check("compile error is clean", errors and not any("at io.servesim" in l for l in errors[0]["content"]["traceback"]),
              errors)

        reply, out = run(kc, "x + 1")
        check("kernel alive after error", data(out, "text/plain").strip() == "43", out)

        reply, out = run(kc, 'throw new IllegalStateException("boom");')
        check("runtime exception reported", reply["status"] == "error" and "boom" in str(reply.get("evalue", "")) + str(out), out)
        check("ename is the exception class", reply.get("ename") == "IllegalStateException"
              and error_of(out)["ename"] == "IllegalStateException", reply)

        reply, out = run(kc, 'int half(int n) {\n    if (n == 0) throw new ArithmeticException("zero");\n'
                             '    return 10 / n;\n}\nint a = 1;\nhalf(0)')
        tb = "\n".join(error_of(out)["traceback"])
        check("error lines map to the cell", reply.get("ename") == "ArithmeticException" and "at half, line 2" in tb
              and "line 6" in tb and "REPL." not in tb and "#" not in tb and "jdk.jshell" not in tb, tb)

        reply, out = run(kc, "int down(int n) { return down(n + 1) + 1; }\ndown(0)")
        tb = error_of(out)["traceback"]
        check("StackOverflowError trace is collapsed", reply.get("ename") == "StackOverflowError" and len(tb) < 40
              and "repeats" in "\n".join(tb), len(tb))

        reply, out = run(kc, 'Specs.fromYaml("engine: {model: Qwen/Qwen3-8B}\\nhardware: {totalGpus: 0}")')
        tb = error_of(out)["traceback"]
        check("servesim error is one line", reply["status"] == "error" and len(tb) <= 3
              and "com.fasterxml" not in "\n".join(tb), tb)

        reply, out = run(kc, "%%spec tiny\nengine: {model: Qwen/Qwen3-8B, backend: vllm, baseEngineArgs: {}}\n"
                             "hardware: {totalGpus: 2}\n"
                             "workload: {isl: 2000, osl: 32, requestCount: 60, concurrency: 8}\n"
                             "router: {mode: both, overlapCredits: [0.0, 1.0], prefillLoadScales: [1.0]}\n")
        check("%%spec ok", reply["status"] == "ok", out)
        reply, out = run(kc, "tiny.hardware().totalGpus()")
        check("%%spec binds a variable", data(out, "text/plain").strip() == "2", out)

        reply, out = run(kc, "%%spec broken\nengine: {model: Qwen/Qwen3-8B, backend: vllm, baseEngineArgs: {}}\n"
                             "hardware: {totalGpus: 0}\nworkload: {isl: 1, osl: 1, requestCount: 1, concurrency: 1}\n")
        errors = [o for o in out if o["msg_type"] == "error"]
        check("bad spec names the field", errors and "hardware.totalGpus" in "\n".join(errors[0]["content"]["traceback"]),
              out)

        reply, out = run(kc, "%%spec nosuch\nengine: {model: No/Such-Model, backend: vllm, baseEngineArgs: {}}\n"
                             "hardware: {totalGpus: 2}\nworkload: {isl: 100, osl: 10, requestCount: 10, concurrency: 2}\n")
        check("%%spec rejects an unknown model", reply["status"] == "error" and "No/Such-Model" in str(out), out)
        reply, out = run(kc, "%replay tiny --tp 3 --workers 1")
        check("%replay rejects TP 3", reply["status"] == "error" and "--tp is 3" in str(out), out)
        reply, out = run(kc, "%replay tiny --tp 1 --workers 4")
        check("%replay rejects more GPUs than the spec has", reply["status"] == "error" and "totalGpus is 2" in str(out),
              out)
        reply, out = run(kc, "%perf --tp 3")
        check("%perf rejects TP 3", reply["status"] == "error" and "--tp is 3" in str(out), out)

        reply, out = run(kc, "%help")
        check("%help lists magics", "%sweep" in data(out, "text/plain") and "%%spec" in data(out, "text/plain"), out)

        reply, out = run(kc, "%sweep --total-gpus")
        errors = [o for o in out if o["msg_type"] == "error"]
        tb = "\n".join(errors[0]["content"]["traceback"]) if errors else ""
        check("bad magic args print usage", errors and "Usage: %sweep" in tb and "at io.servesim" not in tb, out)

        reply, out = run(kc, "%perf --tp 2 --prefill-tokens 4096 --decode-batch 64 --context 8192")
        check("%perf card", "num_gpu_blocks" in data(out, "text/html"), out)

        reply, out = run(kc, "var r = %sweep tiny\nr.feasible()")
        html = data(out, "text/html")
        check("%sweep result table html", reply["status"] == "ok" and "<table" in html and "output_throughput_tok_s" in html,
              out)
        progress = [o["content"]["data"]["text/html"] for o in out if o["msg_type"] in ("display_data", "update_display_data")
                    and "servesim-progress" in str(o["content"])]
        counts = [int(re.search(r"descent: (\d+) states", p).group(1)) for p in progress if "descent: " in p
                  and re.search(r"descent: (\d+) states", p)]
        check("sweep progress display never runs backwards", progress and counts == sorted(counts)
              and "sweep done" in progress[-1], progress)

        reply, out = run(kc, "ReplayOptimizer.optimize(tiny).records().size()")
        check("plain-Java optimize shows progress", reply["status"] == "ok" and any(
            "servesim-progress" in str(o["content"]) for o in out if o["msg_type"] != "stream"), out)

        reply, out = run(kc, "r")
        html = data(out, "text/html")
        check("OptimizationResult renders chart offline", "Plotly.newPlot" in html and "cdn.plot.ly" not in html
              and "DecompressionStream" in html, len(html))

        reply, out = run(kc, "Charts.routerHeatmap(r)")
        check("Figure renders", "Plotly.newPlot" in data(out, "text/html"), out)

        charts_survive_rerun_save_reload(kc)

        reply, out = run(kc, 'var h = display(Table.create("shown", DoubleColumn.create("mean_ttft_ms", new double[] {1, 2})));\n'
                             'updateDisplay(h, "replaced");')
        check("display and updateDisplay", reply["status"] == "ok"
              and any(o["msg_type"] == "display_data" and "dataframe" in str(o["content"]) for o in out)
              and any(o["msg_type"] == "update_display_data" and "replaced" in str(o["content"]) for o in out), out)
        reply, out = run(kc, 'render("<b>bold</b>", "text/html")')
        check("render with a MIME type", "<b>bold</b>" in data(out, "text/html"), out)

        reply, out = run(kc, "%maven --offline org.apiguardian:apiguardian-api:1.1.2")
        reply2, out2 = run(kc, "org.apiguardian.api.API.class.getSimpleName()")
        check("%maven resolves from the local repository", reply["status"] == "ok" and "apiguardian-api-1.1.2.jar"
              in plain(out) and plain(out2) in ('"API"', "API"), (plain(out), plain(out2)))
        reply, out = run(kc, "%maven --offline no.such.group:nothing:9.9")
        tb = "\n".join(error_of(out)["traceback"])
        check("%maven offline failure is clear", reply.get("ename") == "MavenResolutionError" and "no.such.group" in tb
              and "\tat " not in tb and "at org." not in tb, tb)
        jar = os.path.expanduser("~/.m2/repository/org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar")
        reply, out = run(kc, "%jars " + jar + "\norg.opentest4j.AssertionFailedError.class.getSimpleName()")
        check("%jars adds a local jar", plain(out) in ('"AssertionFailedError"', "AssertionFailedError"), plain(out))
        with tempfile.NamedTemporaryFile("w", suffix=".jsh", delete=False) as f:
            f.write("int loadedValue = 7;\nString greet(String n) { return \"hi \" + n; }\n")
        reply, out = run(kc, "%load " + f.name + "\ngreet(\"x\") + loadedValue")
        os.unlink(f.name)
        check("%load runs a script", plain(out) in ('"hi x7"', "hi x7"), plain(out))

        comp = kc.complete("ReplayOptim", 11, reply=True, timeout=30)["content"]
        check("completion", any("ReplayOptimizer" in m for m in comp["matches"]), comp)

        insp = kc.inspect('"abc".substring(1)', 9, reply=True, timeout=30)["content"]
        doc = insp.get("data", {}).get("text/plain", "")
        # the JDK's javadoc needs its sources (Debian: openjdk-17-source); signatures always show
        jdk_sources = os.path.isfile("/usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip")
        check("inspection mid-token", insp["found"] and "substring(int" in doc
              and (not jdk_sources or "substring of this string" in doc), insp)

        hist = kc.history(hist_access_type="tail", n=5, reply=True, timeout=30)["content"]
        check("history_request answered", hist.get("status") == "ok" and len(hist.get("history", [])) > 0
              and any("%load" in h[2] for h in hist["history"]), hist)

        reply, out = run(kc, "var sc = new Scanner(System.in);\nString who = sc.nextLine();\n\"hello \" + who",
                         stdin_answer="servesim")
        check("input_request answered from stdin", reply["status"] == "ok" and any(o["msg_type"] == "input_request"
              for o in out) and "hello servesim" in data(out, "text/plain"), out)

        reply, out = run(kc, "System.exit(0);")
        check("System.exit is trapped", reply["status"] == "error" and reply.get("ename") == "SystemExit"
              and "kernel keeps running" in str(reply.get("evalue")), reply)
        time.sleep(0.5)
        reply, out = run(kc, "x")
        check("alive after System.exit", data(out, "text/plain").strip() == "42", out)

        reply, out = run(kc, '"y".repeat(20_000_000)')
        size = len(data(out, "text/plain"))
        check("result size capped", reply["status"] == "ok" and size < 9_000_000 and "result truncated" in
              data(out, "text/plain"), size)

        reply, out = run(kc, 'String big = "x".repeat(200); for (int i = 0; i < 20000; i++) System.out.println(big);')
        check("large output does not hang", reply["status"] == "ok", reply)

        interrupted(km, kc, "%sweep --total-gpus 64 --exhaustive", 4, "interrupted %sweep")
        interrupted(km, kc, 'System.out.println("looping");\nwhile (true) { }', 2, "interrupted busy loop")
        interrupted(km, kc, 'System.out.println("sleeping");\nThread.sleep(60_000);', 2, "interrupted sleep")
        # plain Java: the exhaustive baseline of a 64-GPU space runs for minutes, so the interrupt lands mid-sweep
        interrupted(km, kc, 'System.out.println("optimizing");\n'
                    "var big = Specs.example(Specs.DEFAULT_EXAMPLE).withTotalGpus(64);\n"
                    "ReplayOptimizer.optimizeWithGap(big, new LocalEvaluator(big), ProgressListener.NONE)", 4,
                    "interrupted ReplayOptimizer.optimizeWithGap")
        reply, out = run(kc, "x")
        check("alive after interrupt", data(out, "text/plain").strip() == "42", out)

        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=120)
        reply, out = run(kc, "1 + 1")
        check("restart works", data(out, "text/plain").strip() == "2", out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("%d checks failed" % len(failures) if failures else "all kernel checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
