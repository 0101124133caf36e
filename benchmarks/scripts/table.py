#!/usr/bin/env python3
"""Renders JMH JSON results (and the footprint JSON) as Markdown tables.

Standard library only. Usage:

    table.py [--readme README.md] [--sources DIR] [--footprint footprint.json]
             [--meta meta.json] results-1t.json [results-2t.json ...]

Prints the tables; with --readme also rewrites the README sections between
<!-- table:NAME:begin --> and <!-- table:NAME:end --> (NAME is jmh, targets or
footprint); with --sources also rewrites the results block of each benchmark
class's javadoc, between <!-- results:begin --> and <!-- results:end -->.

Within a class, the method whose name starts with "raw" is the baseline: every
other method is compared with it at the same thread count. The ratio's error is
propagated from both scores' errors (relative errors added in quadrature).
"""
import argparse
import json
import math
import os
import re
import sys

PACKAGE = "dev.northstar.benchmarks."

# (class, method or None for every non-raw method) -> list of checks.
# A check is (description, function(rows_by_threads) -> (passed, shown value)).
TARGETS = [
    ("CountBenchmark", "boundSeries", "within 1.5x of LongAdder.increment(), 0 B/op", "ratio<=1.5,alloc0"),
    ("CountBenchmark", "seriesNumber", "within 1.5x of LongAdder.increment(), 0 B/op", "ratio<=1.5,alloc0"),
    ("EnumDimensionsBenchmark", "seriesPerCall", "under 15 ns/op, 0 B/op", "ns<15,alloc0"),
    ("DistributionBenchmark", "seriesNumber", "within 1.5x of Recorder.recordValue", "ratio<=1.5,alloc0"),
    ("DistributionBenchmark", "boundSeries", "within 1.5x of Recorder.recordValue", "ratio<=1.5,alloc0"),
    ("DistinctBenchmark", "seriesNumber", "1 thread within 1.5x of HllSketch.update(long)", "ratio1t<=1.5,alloc0"),
    ("DistinctBenchmark", "seriesNumber", "2-thread throughput >= 1.6x 1-thread", "scaling>=1.6"),
]
ALLOC_ZERO = 0.01  # B/op under which JMH's gc.alloc.rate.norm is noise (it reports ~1e-3 for none)


def load(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                name = r["benchmark"]
                if name.startswith(PACKAGE):
                    name = name[len(PACKAGE):]
                cls, method = name.rsplit(".", 1)
                pm = r["primaryMetric"]
                alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                rows.append({
                    "class": cls, "method": method, "threads": r["threads"],
                    "score": pm["score"], "error": pm["scoreError"], "unit": pm["scoreUnit"],
                    "alloc": alloc["score"] if alloc else None,
                    "alloc_error": alloc["scoreError"] if alloc else None,
                    "raw": r,
                })
    return rows


def error_or_zero(e):
    return 0.0 if e is None or (isinstance(e, float) and math.isnan(e)) else e


def ratio(a, b):
    """a / b with its propagated error."""
    q = a["score"] / b["score"]
    rel = math.hypot(error_or_zero(a["error"]) / a["score"], error_or_zero(b["error"]) / b["score"])
    return q, q * rel


def index(rows):
    by = {}
    for r in rows:
        by[(r["class"], r["method"], r["threads"])] = r
    return by


def baseline_of(rows, cls):
    raws = sorted({r["method"] for r in rows if r["class"] == cls and r["method"].startswith("raw")})
    return raws[0] if raws else None


def fmt_alloc(r):
    if r["alloc"] is None:
        return "n/a"
    return "0" if r["alloc"] < ALLOC_ZERO else "%.1f" % r["alloc"]


def scaling(by, cls, method):
    one, two = by.get((cls, method, 1)), by.get((cls, method, 2))
    if not one or not two:
        return None
    # avgt is time per op per thread: throughput(t) = t / avgt(t)
    q, e = ratio(one, two)
    return 2 * q, 2 * e


def jmh_table(rows):
    by = index(rows)
    classes = sorted({r["class"] for r in rows})
    out = ["| benchmark | threads | ns/op | ± error | B/op | vs raw baseline | 2 t / 1 t throughput |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for cls in classes:
        base = baseline_of(rows, cls)
        methods = sorted({r["method"] for r in rows if r["class"] == cls},
                         key=lambda m: (m != base, m))
        for m in methods:
            for t in sorted({r["threads"] for r in rows if r["class"] == cls and r["method"] == m}):
                r = by[(cls, m, t)]
                if m == base:
                    vs = "baseline"
                elif base and (cls, base, t) in by:
                    q, e = ratio(r, by[(cls, base, t)])
                    vs = "%.2f× ± %.2f" % (q, e)
                else:
                    vs = "n/a"
                sc = scaling(by, cls, m) if t == 2 else None
                out.append("| %s.%s | %d | %.2f | %.2f | %s | %s | %s |" % (
                    cls, m, t, r["score"], error_or_zero(r["error"]), fmt_alloc(r), vs,
                    "%.2f× ± %.2f" % sc if sc else ""))
    return "\n".join(out)


def check(by, cls, method, spec):
    shown, ok = [], True
    base = None
    for part in spec.split(","):
        if part.startswith("ratio"):
            threads = [1] if part.startswith("ratio1t") else [1, 2]
            limit = float(part.split("<=")[1])
            for t in threads:
                r = by.get((cls, method, t))
                base = base or next((m for (c, m, tt) in by if c == cls and m.startswith("raw")), None)
                b = by.get((cls, base, t))
                if r and b:
                    q, e = ratio(r, b)
                    ok &= q <= limit
                    shown.append("%d t: %.2f× ± %.2f" % (t, q, e))
        elif part.startswith("ns<"):
            limit = float(part[3:])
            for t in (1, 2):
                r = by.get((cls, method, t))
                if r:
                    ok &= r["score"] < limit
                    shown.append("%d t: %.1f ± %.1f ns" % (t, r["score"], error_or_zero(r["error"])))
        elif part == "alloc0":
            for t in (1, 2):
                r = by.get((cls, method, t))
                if r and r["alloc"] is not None:
                    ok &= r["alloc"] < ALLOC_ZERO
            allocs = [fmt_alloc(by[(cls, method, t)]) for t in (1, 2) if (cls, method, t) in by]
            shown.append("B/op " + "/".join(allocs))
        elif part.startswith("scaling>="):
            limit = float(part.split(">=")[1])
            sc = scaling(by, cls, method)
            if sc:
                ok &= sc[0] >= limit
                shown.append("%.2f× ± %.2f" % sc)
            else:
                ok = False
                shown.append("n/a")
    return ok, "; ".join(shown)


def targets_table(rows):
    by = index(rows)
    out = ["| benchmark | target | measured | met |", "|---|---|---|:---:|"]
    for cls, method, text, spec in TARGETS:
        if not any(c == cls and m == method for (c, m, t) in by):
            continue
        ok, shown = check(by, cls, method, spec)
        out.append("| %s.%s | %s | %s | %s |" % (cls, method, text, shown, "yes" if ok else "**no**"))
    return "\n".join(out)


def javadoc_block(rows, cls):
    by = index(rows)
    base = baseline_of(rows, cls)
    lines = []
    for m in sorted({r["method"] for r in rows if r["class"] == cls}, key=lambda m: (m != base, m)):
        cells = []
        for t in (1, 2):
            r = by.get((cls, m, t))
            if not r:
                continue
            vs = ""
            if base and m != base and (cls, base, t) in by:
                vs = ", %.2fx raw" % ratio(r, by[(cls, base, t)])[0]
            cells.append("%d thr %6.2f ± %5.2f ns/op, %s B/op%s" % (t, r["score"], error_or_zero(r["error"]),
                                                                  fmt_alloc(r), vs))
        lines.append("%-24s %s" % (m, "; ".join(cells)))
    return lines


def machine(rows, meta):
    r = rows[0]["raw"]
    parts = []
    if meta:
        parts.append("%s CPU(s) (`nproc`), load average %s before and %s after the run, %s" % (
            meta.get("nproc"), meta.get("load_before"), meta.get("load_after"), meta.get("date")))
    parts.append("%s %s (JDK %s)" % (r.get("vmName"), r.get("vmVersion"), r.get("jdkVersion")))
    parts.append("JMH %s: %d fork(s), %d × %s warm-up, %d × %s measurement, mode avgt, `-prof gc`%s" % (
        r.get("jmhVersion"), r.get("forks"), r.get("warmupIterations"), r.get("warmupTime"),
        r.get("measurementIterations"), r.get("measurementTime"),
        (", JVM args `%s`" % " ".join(r["jvmArgs"])) if r.get("jvmArgs") else ""))
    if meta and meta.get("command"):
        parts.append("command: `%s`" % meta["command"])
    return "\n".join("- " + p for p in parts)


def footprint_table(path):
    with open(path) as f:
        data = json.load(f)
    out = ["| kind | each series holds | B per series per bucket, 1 writer thread | 2 writer threads | first series in a bucket (B) |",
           "|---|---|---:|---:|---:|"]
    for r in data["rows"]:
        out.append("| %s | %s | %s | %s | %s |" % (
            r["kind"], r["shape"], "{:,.0f}".format(r["perSeriesOneThread"]),
            "{:,.0f}".format(r["perSeriesTwoThreads"]), "{:,}".format(r["firstSeries"])))
    out.append("")
    out.append("Measured with %d series per metric, %d stripes on this machine, %s." % (
        data["series"], data["stripes"], data.get("java", "")))
    return "\n".join(out)


def replace_section(text, name, body):
    pattern = re.compile(r"(<!-- table:%s:begin -->\n).*?(<!-- table:%s:end -->)" % (name, name), re.S)
    if not pattern.search(text):
        raise SystemExit("README has no section %s" % name)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def update_sources(directory, rows, source_json):
    for cls in sorted({r["class"] for r in rows}):
        path = os.path.join(directory, cls + ".java")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            text = f.read()
        block = " * <!-- results:begin -->\n * <pre>\n" + "".join(
            " * " + line.replace("&", "&amp;").replace("<", "&lt;") + "\n" for line in javadoc_block(rows, cls)) \
            + " * </pre>\n * (" + source_json + ")\n * <!-- results:end -->"
        new = re.sub(r" \* <!-- results:begin -->.*? \* <!-- results:end -->", lambda m: block, text, flags=re.S)
        if new != text:
            with open(path, "w") as f:
                f.write(new)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("results", nargs="+")
    p.add_argument("--meta")
    p.add_argument("--footprint")
    p.add_argument("--readme")
    p.add_argument("--sources")
    a = p.parse_args()
    rows = load(a.results)
    if not rows:
        raise SystemExit("no results")
    meta = None
    if a.meta and os.path.exists(a.meta):
        with open(a.meta) as f:
            meta = json.load(f)
    sections = {"machine": machine(rows, meta), "jmh": jmh_table(rows), "targets": targets_table(rows)}
    if a.footprint:
        sections["footprint"] = footprint_table(a.footprint)
    for name, body in sections.items():
        print("## " + name + "\n\n" + body + "\n")
    if a.readme:
        with open(a.readme) as f:
            text = f.read()
        for name, body in sections.items():
            text = replace_section(text, name, body)
        with open(a.readme, "w") as f:
            f.write(text)
    if a.sources:
        source = ", ".join(os.path.basename(x) for x in a.results)
        update_sources(a.sources, rows, "generated by benchmarks/scripts/table.py from results/" + source)


if __name__ == "__main__":
    sys.exit(main())
