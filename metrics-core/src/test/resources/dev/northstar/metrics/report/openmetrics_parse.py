"""Reads OpenMetrics text on stdin with the Prometheus Python client's strict parser.

Prints the parsed metric families as JSON and exits 0 when the text is valid; prints the
parser's complaint on stderr and exits 1 when it is not. Used by OpenMetricsTextPrometheusParserTest,
so that the text Northstar writes is judged by a parser Northstar did not write.
"""
import json
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families


def main():
    text = sys.stdin.read()
    try:
        families = [
            {
                "name": f.name,
                "type": f.type,
                "unit": f.unit,
                "help": f.documentation,
                "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples],
            }
            for f in text_string_to_metric_families(text)
        ]
    except Exception as e:  # the parser raises ValueError, and on some inputs IndexError or KeyError
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
    json.dump(families, sys.stdout)


main()
