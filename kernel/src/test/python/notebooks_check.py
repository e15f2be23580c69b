#!/usr/bin/python3
"""Executes servesim's notebooks on the servesim Jupyter kernel and checks them.

For every notebook given: it is stored without outputs (the lessons are run here and by their readers; stored
outputs would carry plotly.js and every table into the repository); executing it top to bottom with nbclient gives no error
output; the executed notebook has at least the HTML tables and Plotly charts its metadata asks for
(``servesim.expect.tables`` / ``servesim.expect.charts``) and every text of ``servesim.expect.contains`` (a
lesson's conclusion, e.g. that the report found a feasible deployment); exporting it to HTML with nbconvert keeps them, inlines
plotly.js (no CDN) and writes ``<out>/<name>.html``; headless Chromium opens that page and must draw every chart
(Plotly SVG roots in the rendered DOM; a screenshot goes to ``<out>/<name>.png``). The executed notebook is written
to ``<out>/<name>.ipynb``.

Usage: notebooks_check.py [--kernel servesim] [--out DIR] [--timeout S] NOTEBOOK...
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter


def outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def errors(nb):
    found = []
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                found.append(f"cell {i}: {o.get('ename')}: {o.get('evalue')}")
            elif o.get("output_type") == "stream" and o.get("name") == "stderr" and "Exception" in o.get("text", ""):
                found.append(f"cell {i}: stderr: {o.get('text')[:300]}")
    return found


def html_of(o):
    return o.get("data", {}).get("text/html", "") if o.get("output_type") in ("display_data", "execute_result") else ""


def text_of(o):
    if o.get("output_type") == "stream":
        return o.get("text", "")
    d = o.get("data", {})
    return d.get("text/plain", "") + d.get("text/html", "")


def count_tables(nb):
    return sum(html_of(o).count("class='dataframe'") for o in outputs(nb))


def count_charts(nb):
    return sum(html_of(o).count("Plotly.newPlot") for o in outputs(nb))


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def rendered_charts(html_path, screenshot=None):
    """Opens the exported page in headless Chromium; returns the Plotly SVG roots in the rendered DOM."""
    browser = chromium_binary()
    if browser is None:
        raise SystemExit("headless Chromium is needed to check the exported HTML (apt-get install chromium)")
    base = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--virtual-time-budget=30000"]
    dom = subprocess.run(base + ["--dump-dom", "file://" + os.path.abspath(html_path)], capture_output=True,
                         text=True, timeout=180).stdout
    if screenshot:
        subprocess.run(base + ["--window-size=1280,1600", "--screenshot=" + os.path.abspath(screenshot),
                               "file://" + os.path.abspath(html_path)], capture_output=True, timeout=180)
    return dom.count('class="main-svg"') // 3


def check(path, kernel, out_dir, timeout, browser_check=True):
    problems = []
    nb = nbformat.read(path, as_version=4)
    if outputs(nb):
        problems.append("is stored with outputs; clear them before committing (Jupyter: Edit > Clear Outputs of All Cells)")
    expect = nb.metadata.get("servesim", {}).get("expect", {})
    started = time.time()
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    elapsed = time.time() - started
    fresh = errors(nb)
    if fresh:
        problems.append(f"execution errors: {fresh}")
    tables, charts = count_tables(nb), count_charts(nb)
    if tables < expect.get("tables", 0):
        problems.append(f"{tables} HTML tables, expected at least {expect['tables']}")
    shown = "".join(text_of(o) for o in outputs(nb))
    for wanted in expect.get("contains", []):
        if wanted not in shown:
            problems.append(f"no output contains {wanted!r}")
    if charts < expect.get("charts", 0):
        problems.append(f"{charts} Plotly charts, expected at least {expect['charts']}")
    body, _ = HTMLExporter().from_notebook_node(nb)
    if "cdn.plot.ly" in body:
        problems.append("exported HTML loads plotly.js from a CDN")
    if charts and "Plotly.newPlot" not in body and "Plotly.react" not in body:
        problems.append("exported HTML lost the charts")
    os.makedirs(out_dir, exist_ok=True)
    name = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(out_dir, name + ".html"), "w", encoding="utf-8") as f:
        f.write(body)
    if browser_check and charts:
        drawn = rendered_charts(os.path.join(out_dir, name + ".html"), os.path.join(out_dir, name + ".png"))
        if drawn < charts:
            problems.append(f"headless Chromium drew {drawn} of {charts} charts")
    nbformat.write(nb, os.path.join(out_dir, name + ".ipynb"))
    print(f"{name}: {elapsed:.1f} s, {tables} tables, {charts} charts" + ("" if not problems else " FAILED"),
          flush=True)
    for p in problems:
        print(f"  {name}: {p}", flush=True)
    return not problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="servesim")
    ap.add_argument("--out", default="target/notebooks-html")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--no-browser", action="store_true", help="skip the headless Chromium check")
    ap.add_argument("notebooks", nargs="+")
    args = ap.parse_args()
    ok = all([check(p, args.kernel, args.out, args.timeout, not args.no_browser) for p in args.notebooks])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
