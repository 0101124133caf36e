package dev.northstar.metrics.attribution;

/**
 * How surprising a segment's move is: the Jensen–Shannon divergence between its share of the
 * total in the comparison window ({@code p}) and in the window ({@code q}), in bits, as in
 * Adtributor: {@code JS(p, q) = ½ [p log₂(2p / (p + q)) + q log₂(2q / (p + q))]}, with
 * {@code 0 log 0 = 0}. It is 0 when the share did not move and at most 1.
 *
 * <pre>{@code
 * Surprise.of(0.25, 0.25);   // 0.0
 * Surprise.of(0.25, 0.10);   // about 0.03 bits
 * }</pre>
 *
 * <p>Source: R. Bhagwan, R. Kumar, R. Ramjee, G. Varghese, S. Mohapatra, H. Manoharan and
 * P. Shah, "Adtributor: Revenue Debugging in Advertising Systems", NSDI 2014, §3.2.
 *
 * <p>Bad input: a share outside [0, 1] or not finite gives 0 (no surprise claimed).
 */
public final class Surprise {
    private Surprise() {
    }

    /** The divergence between share {@code p} (before) and share {@code q} (after), in bits. */
    public static double of(double p, double q) {
        if (!(p >= 0 && p <= 1 && q >= 0 && q <= 1)) {
            return 0;
        }
        double m = (p + q) / 2;
        return 0.5 * (term(p, m) + term(q, m));
    }

    private static double term(double x, double m) {
        return x == 0 ? 0 : x * (Math.log(x / m) / Math.log(2));
    }
}
