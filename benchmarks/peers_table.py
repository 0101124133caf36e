#!/usr/bin/env python3
"""Turns the peer suite's JMH JSON (one file per thread count) into the README table.

Usage: peers_table.py peers-t1.json peers-t2.json [--readme benchmarks/README.md]
Prints Markdown; with --readme, replaces the text between the peers-table markers.
Python 3 standard library only.
"""
import json
import sys

WORKLOADS = {
    "TransactionCountBenchmark": "A count",
    "LatencyBenchmark": "B latency",
    "PaymentEventBenchmark": "C payment",
    "ActivePayersBenchmark": "D C + payers",
    "CatalogBenchmark": "E catalog",
}
ORDER = ["northstar", "raw",
         "micrometerLookup", "micrometerBound",
         "prometheusLabelValues", "prometheusCached", "prometheusCachedNative",
         "dropwizardLookup", "dropwizardBound",
         "otelPerEvent", "otelPrebuilt"]
LOOKUP = {"micrometerLookup", "prometheusLabelValues", "dropwizardLookup", "otelPerEvent"}
BOUND = {"micrometerBound", "prometheusCached", "prometheusCachedNative", "dropwizardBound", "otelPrebuilt"}
START, END = "<!-- peers-table:start -->", "<!-- peers-table:end -->"


def load(paths):
    rows = {}  # (workload, variant) -> {threads: (score, error, bytes_per_op)}
    meta = None
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                cls, method = r["benchmark"].split(".")[-2:]
                if cls not in WORKLOADS:
                    continue
                pm = r["primaryMetric"]
                alloc = next((v["score"] for k, v in r.get("secondaryMetrics", {}).items()
                              if k.endswith("gc.alloc.rate.norm")), None)
                rows.setdefault((cls, method), {})[r["threads"]] = (pm["score"], pm["scoreError"], alloc)
                meta = meta or (r.get("jvm"), r.get("vmVersion"), r.get("warmupIterations"), r.get("warmupTime"),
                                r.get("measurementIterations"), r.get("measurementTime"), r.get("forks"))
    return rows, meta


def cell(v):
    if v is None:
        return "–"
    s, e, _ = v
    return f"{s:.1f} ± {e:.1f}" if e == e else f"{s:.1f}"  # NaN error with a single iteration


def render(rows, meta):
    out = []
    if meta:
        out.append(f"JDK {meta[1]}; {meta[6]} fork, {meta[2]} × {meta[3]} warm-up, {meta[4]} × {meta[5]} "
                   "measurement; error is JMH's 99.9% interval. ns/op is per event and per thread; "
                   "2-thread scaling = throughput at 2 threads / throughput at 1 = 2 × t1 / t2.")
        out.append("")
    out.append("| workload | variant | ns/op, 1 thread | ns/op, 2 threads | B/op (1 thr) | 2-thread scaling |")
    out.append("|---|---|---:|---:|---:|---:|")
    for cls, name in WORKLOADS.items():
        for m in ORDER:
            v = rows.get((cls, m))
            if not v:
                continue
            t1, t2 = v.get(1), v.get(2)
            alloc = t1[2] if t1 and t1[2] is not None else None
            scale = f"{2 * t1[0] / t2[0]:.2f}×" if t1 and t2 else "–"
            out.append(f"| {name} | {m} | {cell(t1)} | {cell(t2)} | "
                       f"{'–' if alloc is None else f'{alloc:.1f}'} | {scale} |")
    out.append("")
    out.append("Ratios (1 thread; below 1 means Northstar is faster): Northstar ÷ fastest pre-resolved peer, "
               "fastest per-event-lookup peer ÷ Northstar (Northstar's speed-up over that idiom), Northstar ÷ raw baseline.")
    out.append("")
    out.append("| workload | fastest pre-resolved peer | Northstar ÷ it | fastest lookup peer | it ÷ Northstar | "
               "Northstar ÷ raw | Northstar B/op |")
    out.append("|---|---|---:|---|---:|---:|---:|")
    for cls, name in WORKLOADS.items():
        ns = rows.get((cls, "northstar"), {}).get(1)
        if not ns:
            continue
        def fastest(kinds):
            c = [(rows[(cls, m)][1][0], m) for m in kinds if (cls, m) in rows and 1 in rows[(cls, m)]]
            return min(c) if c else None
        b, lk = fastest(BOUND), fastest(LOOKUP)
        raw = rows.get((cls, "raw"), {}).get(1)
        out.append("| {} | {} | {} | {} | {} | {} | {} |".format(
            name,
            b[1] if b else "–", f"{ns[0] / b[0]:.2f}" if b else "–",
            lk[1] if lk else "–", f"{lk[0] / ns[0]:.2f}×" if lk else "–",
            f"{ns[0] / raw[0]:.2f}" if raw else "–",
            "–" if ns[2] is None else f"{ns[2]:.1f}"))
    c = rows.get(("PaymentEventBenchmark", "northstar"), {}).get(1)
    d = rows.get(("ActivePayersBenchmark", "northstar"), {}).get(1)
    if c and d:
        out.append("")
        out.append(f"Northstar D ÷ Northstar C: {d[0] / c[0]:.2f} (target < 1.5).")
    return "\n".join(out)


def main(argv):
    readme = None
    if "--readme" in argv:
        i = argv.index("--readme")
        readme = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    rows, meta = load(argv)
    table = render(rows, meta)
    print(table)
    if readme:
        with open(readme) as f:
            text = f.read()
        a, b = text.index(START) + len(START), text.index(END)
        with open(readme, "w") as f:
            f.write(text[:a] + "\n" + table + "\n" + text[b:])


if __name__ == "__main__":
    main(sys.argv[1:])
