/**
 * Northstar side by side with peer libraries (Micrometer, Prometheus client_java, Dropwizard
 * metrics, the OpenTelemetry SDK) and raw baselines, over one shared pre-generated payments
 * workload. One class per workload, one {@code *Recording} state per library.
 */
package dev.northstar.benchmarks.peers;
