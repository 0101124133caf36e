package dev.northstar.metrics;

/** Payment channels: the enum dimension of the tests. */
public enum Channel { QR_SCAN, IN_APP, MINI_PROGRAM }
