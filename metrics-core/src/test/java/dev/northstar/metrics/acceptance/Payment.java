package dev.northstar.metrics.acceptance;

/**
 * One raw business event as the test keeps it: a payment attempt and everything the metrics
 * under test take from it. The brute-force side of every property reads these, never the
 * registry.
 *
 * @param atMillis      event time, epoch milliseconds
 * @param channel       enum dimension value, may be null
 * @param merchant      open dimension value, may be null or empty
 * @param crossBorder   boolean dimension value, may be null
 * @param success       whether the attempt succeeded (success rate; payments and TPV count successes)
 * @param amount        amount in fen (0 allowed)
 * @param refund        refunded amount in fen, 0 for none
 * @param latencyMicros authorization latency
 * @param payer         payer id (distinct counts, funnel, retention)
 * @param balance       the payer-side balance level set by the event (gauge; may be negative)
 * @param checkoutStep  funnel step the payer reached with this event
 * @param joinsCohort   true: the payer joins the retention cohort; false: the payer is active
 * @param viaBucket     record through a {@code registry.bucketAt} bucket rather than the event time
 */
public record Payment(long atMillis, Channel channel, String merchant, Boolean crossBorder, boolean success,
                      long amount, long refund, long latencyMicros, long payer, long balance, int checkoutStep,
                      boolean joinsCohort, boolean viaBucket) {
}
