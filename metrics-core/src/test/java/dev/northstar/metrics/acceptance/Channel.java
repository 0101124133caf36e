package dev.northstar.metrics.acceptance;

/** Payment channels of the small payments product the acceptance tests record. */
public enum Channel { QR_SCAN, IN_APP, WEB }
