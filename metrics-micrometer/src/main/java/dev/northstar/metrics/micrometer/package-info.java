/**
 * The Micrometer bridge: binds Northstar metrics and scorecard node values into any Micrometer
 * {@link io.micrometer.core.instrument.MeterRegistry} as gauges and function counters, so a host
 * already on Micrometer gets them in its Prometheus, Datadog or other backend without new
 * plumbing.
 *
 * <pre>{@code
 * MeterRegistry meters = ...;   // the host's: Prometheus, Datadog, a composite...
 * NorthstarMetrics.builder(registry).groupBy("region").build().bindTo(meters);
 * NorthstarScorecardMetrics.builder(tree, registry)
 *         .window(today -> Window.trailingDays(7, today)).build().bindTo(meters);
 * }</pre>
 *
 * <p>Two binders, both {@link io.micrometer.core.instrument.binder.MeterBinder}s:
 * <ul>
 * <li>{@link dev.northstar.metrics.micrometer.NorthstarMetrics}: chosen metrics (all by default)
 *     over a window chosen from today's date (today by default); counts, sums, a ratio's
 *     numerator and denominator and a distribution's sample count as function counters that
 *     carry each ended day forward and so never go down; ratios, quantiles, distinct counts,
 *     gauges and derived values as gauges; optional grouping by dimensions into tags.</li>
 * <li>{@link dev.northstar.metrics.micrometer.NorthstarScorecardMetrics}: a metric tree's
 *     scorecard, per node its value, prior value, change, status as a number and, for
 *     guardrails, breached as 0 or 1, tagged by node and role.</li>
 * </ul>
 *
 * <p>Both read the registry through its queries and scorecards, never its storage: values are
 * exactly what {@code registry.query(...)} and {@code Scorecard.evaluate(...)} return. The first
 * meter polled in a scrape refreshes the binder and the others read that result, so a scrape
 * costs one evaluation, not one per meter. A poll never throws into the host's scrape: failures
 * are counted (a method and a function counter on each binder) and logged through SLF4J at most
 * once a minute, and the meters keep their last values. Bad configuration (an unknown metric, a
 * dimension no chosen metric has) is refused when the binder is built, naming it.
 */
package dev.northstar.metrics.micrometer;
