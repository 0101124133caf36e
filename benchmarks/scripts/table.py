#!/usr/bin/env python3
"""Renders JMH JSON results (and the footprint JSON) as Markdown tables.

Standard library only. Usage:

    table.py [--readme README.md] [--sources DIR] [--footprint footprint.json]
             [--meta meta.json] results-1t.json [results-2t.json ...]

A later results file overrides an earlier one's rows for the same benchmark and thread count.
    table.py --query --data query-data.json [--meta query-meta.json]
             [--compare LABEL=other.json ...] [--readme README.md] [--sources DIR] query.json

Prints the tables; with --readme also rewrites the README sections between
<!-- table:NAME:begin --> and <!-- table:NAME:end --> (NAME is jmh, targets or
footprint; with --query, query-machine, query-data and query); with --sources
also rewrites the results block of each benchmark class's javadoc, between
<!-- results:begin --> and <!-- results:end -->.

The hot-path tables hold ns/op results only; --query renders the query side
(SnapshotBenchmark, ms/op, one row per benchmark and parameter) with the cost
per series taken from the data set's description (PaymentsInstance's JSON),
and, for each --compare, that run's score and its ratio to this one.

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
    ("RecorderBenchmark", "paymentEventFullCatalog", "under 100 ns/op, 0 B/op (issue 4)", "ns<100,alloc0"),
    ("RecorderBenchmark", "paymentEventFullCatalog", "2-thread throughput >= 1.6x 1-thread", "scaling>=1.6"),
    ("RecorderBenchmark", "contentReadEventFullCatalog", "under 100 ns/op, 0 B/op (issue 5)", "ns<100,alloc0"),
    ("RecorderBenchmark", "contentReadEventFullCatalog", "2-thread throughput >= 1.6x 1-thread", "scaling>=1.6"),
]
ALLOC_ZERO = 0.01  # B/op under which JMH's gc.alloc.rate.norm is noise (it reports ~1e-3 for none)


def load(paths):
    """Rows of every file; a later file's row for the same benchmark, params and thread count
    replaces an earlier one (a suite re-measured after a change, on top of a whole-profile run)."""
    rows = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                name = r["benchmark"]
                if name.startswith(PACKAGE):
                    name = name[len(PACKAGE):]
                cls, method = name.rsplit(".", 1)
                pm = r["primaryMetric"]
                alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                key = (cls, method, r["threads"], json.dumps(r.get("params", {}), sort_keys=True))
                rows[key] = ({
                    "class": cls, "method": method, "threads": r["threads"], "params": r.get("params", {}),
                    "score": pm["score"], "error": pm["scoreError"], "unit": pm["scoreUnit"],
                    "alloc": alloc["score"] if alloc else None,
                    "alloc_error": alloc["scoreError"] if alloc else None,
                    "raw": r,
                })
    return list(rows.values())


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
        if meta.get("load_during"):
            parts.append("1-minute load average during the run (sampled every %s s): %s" % (
                meta.get("load_interval", "?"), meta["load_during"]))
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


def query_key(r):
    return (r["class"], r["method"], tuple(sorted(r["params"].items())))


def fmt_bytes(b):
    if b is None:
        return "n/a"
    for unit, size in (("MB", 1e6), ("KB", 1e3)):
        if b >= size:
            return "%.1f %s" % (b / size, unit)
    return "%.0f B" % b


def query_table(rows, data, compares):
    """The query side: time and allocation per operation and per series, and each compared run."""
    series = data["series"]
    head = "| benchmark | days | ms/op | ± error | allocated / op | ns / series | allocated / series |"
    align = "|---|---:|---:|---:|---:|---:|---:|"
    for label, _ in compares:
        head += " %s: ms/op, allocated / op | %s ÷ this run |" % (label, label)
        align += "---:|---:|"
    out = [head, align]
    for r in sorted(rows, key=lambda r: (r["method"], int(r["params"].get("days", 0)))):
        if r["unit"] != "ms/op":
            raise SystemExit("query results must be in ms/op, %s.%s is in %s" % (r["class"], r["method"], r["unit"]))
        ns = r["score"] * 1e6 / series
        line = "| %s | %s | %.3f | %.3f | %s | %s | %s |" % (
            r["method"], r["params"].get("days", ""), r["score"], error_or_zero(r["error"]), fmt_bytes(r["alloc"]),
            "{:,.0f}".format(ns) if ns >= 100 else "%.1f" % ns,
            fmt_bytes(r["alloc"] / series if r["alloc"] is not None else None))
        for _, other in compares:
            o = other.get(query_key(r))
            if o:
                q, e = ratio(o, r)
                line += " %.3f ± %.3f, %s | %.2f× ± %.2f |" % (o["score"], error_or_zero(o["error"]),
                                                             fmt_bytes(o["alloc"]), q, e)
            else:
                line += " n/a | n/a |"
        out.append(line)
    return "\n".join(out)


def run_summary(rows, path):
    """One line on a compared run: its settings and, from its meta file if there is one, its load."""
    r = rows[0]["raw"]
    out = "%d fork(s), %d × %s warm-up, %d × %s measurement" % (
        r.get("forks"), r.get("warmupIterations"), r.get("warmupTime"), r.get("measurementIterations"),
        r.get("measurementTime"))
    meta_path = re.sub(r"\.json$", "-meta.json", path)
    if os.path.exists(meta_path):
        with open(meta_path) as f:
            meta = json.load(f)
        out += ", %s, load average during the run %s" % (meta.get("date"), meta.get("load_during", "not sampled"))
    return out + " (`%s`)" % os.path.basename(path)


def query_data_table(data):
    """What the data set holds: cells and encoded bytes, in total and per metric kind."""
    out = ["| days | metrics | cells (series × days) | encoded snapshot | bytes / series | bytes / cell |",
           "|---:|---:|---:|---:|---:|---:|"]
    for s in data["sets"]:
        out.append("| %d | %d | {:,} | {:,} B | {:,.1f} | {:,.1f} |".format(
            s["cells"], s["encodedBytes"], s["encodedBytes"] / data["series"], s["encodedBytes"] / s["cells"])
            % (s["days"], s["metrics"]))
    out += ["", "Encoded bytes by metric kind (each kind's metrics encoded alone, so each row also carries the "
            "48-byte snapshot header):", ""]
    days = [s["days"] for s in data["sets"]]
    out.append("| kind | metrics | series per day | " + " | ".join(
        "%d day(s): bytes | B / cell" % d for d in days) + " |")
    out.append("|---|---:|---:|" + "---:|---:|" * len(days))
    kinds = {}
    for s in data["sets"]:
        for k in s["kinds"]:
            kinds.setdefault(k["kind"], {"metrics": k["metrics"], "series": k["series"]})[s["days"]] = k["encodedBytes"]
    for kind, k in kinds.items():
        cells = []
        for d in days:
            b = k.get(d)
            cells.append("{:,}".format(b) if b is not None else "n/a")
            cells.append("{:,.1f}".format(b / (k["series"] * d)) if b is not None and k["series"] else "–")
        out.append("| %s | %d | {:,} | %s |".format(k["series"]) % (kind, k["metrics"], " | ".join(cells)))
    return "\n".join(out)


def replace_section(text, name, body):
    pattern = re.compile(r"(<!-- table:%s:begin -->\n).*?(<!-- table:%s:end -->)" % (name, name), re.S)
    if not pattern.search(text):
        raise SystemExit("README has no section %s" % name)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def query_javadoc_block(rows, cls):
    lines = []
    for r in sorted((r for r in rows if r["class"] == cls), key=lambda r: (r["method"], int(r["params"].get("days", 0)))):
        lines.append("%-26s days %s  %8.3f ± %6.3f ms/op, %s/op" % (
            r["method"], r["params"].get("days", "?"), r["score"], error_or_zero(r["error"]), fmt_bytes(r["alloc"])))
    return lines


def update_sources(directory, rows, source_json, block_of=javadoc_block):
    for cls in sorted({r["class"] for r in rows}):
        path = os.path.join(directory, cls + ".java")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            text = f.read()
        block = " * <!-- results:begin -->\n * <pre>\n" + "".join(
            " * " + line.replace("&", "&amp;").replace("<", "&lt;") + "\n" for line in block_of(rows, cls)) \
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
    p.add_argument("--query", action="store_true", help="render the query side (SnapshotBenchmark)")
    p.add_argument("--data", help="with --query: the data set's description, from PaymentsInstance")
    p.add_argument("--compare", action="append", default=[], metavar="LABEL=JSON",
                   help="with --query: another run of the same benchmarks to compare with (repeatable)")
    a = p.parse_args()
    rows = load(a.results)
    if not rows:
        raise SystemExit("no results")
    meta = None
    if a.meta and os.path.exists(a.meta):
        with open(a.meta) as f:
            meta = json.load(f)
    if a.query:
        if not a.data:
            raise SystemExit("--query needs --data")
        with open(a.data) as f:
            data = json.load(f)
        compares = []
        runs = machine(rows, meta)
        for c in a.compare:
            label, _, path = c.partition("=")
            other = load([path])
            compares.append((label, {query_key(r): r for r in other}))
            runs += "\n- %s: %s" % (label, run_summary(other, path))
        sections = {"query-machine": runs, "query-data": query_data_table(data),
                    "query": query_table(rows, data, compares)}
    else:
        # the hot-path tables are in ns/op: query-side and report-level suites have their own
        rows = [r for r in rows if r["unit"] == "ns/op"]
        sections = {"machine": machine(rows, meta), "jmh": jmh_table(rows), "targets": targets_table(rows)}
    if a.footprint and not a.query:
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
        update_sources(a.sources, rows, "generated by benchmarks/scripts/table.py from results/" + source,
                       query_javadoc_block if a.query else javadoc_block)


if __name__ == "__main__":
    sys.exit(main())
