#!/usr/bin/python3
"""Talks to the installed servesim kernel with jupyter_client and checks its replies and MIME bundles.

Covers: kernel_info, a plain expression, printing, a compile error (kernel keeps running), a runtime exception,
%%spec binding a variable, %help, a bad magic argument (usage, no stack trace), %perf, a Tablesaw table (HTML),
a chart (offline Plotly), completion, an interrupted sweep (stops within a second or two) and a restart.
Exit status 0 when every check passes; prints one line per check.
"""
import sys
import time

from jupyter_client.manager import start_new_kernel

failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else ": " + str(detail)[:600]), flush=True)
    if not cond:
        failures.append(name)


def run(kc, code, timeout=120):
    msg_id = kc.execute(code)
    outputs = []
    while True:
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


def data(outputs, mime):
    return "".join(o["content"].get("data", {}).get(mime, "") for o in outputs
                   if o["msg_type"] in ("execute_result", "display_data", "update_display_data"))


def text(outputs):
    return "".join(o["content"].get("text", "") for o in outputs if o["msg_type"] == "stream")


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
        check("sweep progress display", any(o["msg_type"] in ("display_data", "update_display_data")
                                             and "servesim-progress" in str(o["content"]) for o in out), out)

        reply, out = run(kc, "r")
        html = data(out, "text/html")
        check("OptimizationResult renders chart offline", "Plotly.newPlot" in html and "cdn.plot.ly" not in html
              and "DecompressionStream" in html, len(html))

        reply, out = run(kc, "Charts.routerHeatmap(r)")
        check("Figure renders", "Plotly.newPlot" in data(out, "text/html"), out)

        comp = kc.complete("ReplayOptim", 11, reply=True, timeout=30)["content"]
        check("completion", any("ReplayOptimizer" in m for m in comp["matches"]), comp)

        reply, out = run(kc, 'String big = "x".repeat(200); for (int i = 0; i < 20000; i++) System.out.println(big);')
        check("large output does not hang", reply["status"] == "ok", reply)

        msg_id = kc.execute("%sweep --total-gpus 64 --exhaustive")
        time.sleep(4)
        t0 = time.time()
        km.interrupt_kernel()
        while True:
            msg = kc.get_shell_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == msg_id:
                break
        elapsed = time.time() - t0
        check("interrupt cancels a sweep quickly", msg["content"]["status"] == "error" and elapsed < 3.0,
              (msg["content"], elapsed))
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
