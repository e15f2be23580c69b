#!/usr/bin/python3
"""Opens servesim's report.html files in headless Chromium and checks that every chart draws.

Usage: report_check.py REPORT.html:MIN_CHARTS...  (exit status 0 when each page draws at least MIN_CHARTS charts and
holds no CDN reference).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notebooks_check import rendered_charts  # noqa: E402


def main():
    failed = False
    for arg in sys.argv[1:]:
        path, wanted = arg.rsplit(":", 1)
        with open(path, encoding="utf-8") as f:
            page = f.read()
        charts = page.count("Plotly.newPlot")
        drawn = rendered_charts(path, os.path.splitext(path)[0] + ".png")
        ok = charts >= int(wanted) and drawn == charts and "cdn.plot.ly" not in page
        print(("ok   " if ok else "FAIL ") + f"{path}: {drawn} of {charts} charts drawn (at least {wanted} expected)")
        failed |= not ok
    print("report checks failed" if failed else "all report checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
