package dev.northstar.metrics.simulation;

/**
 * Stable pseudo-random attributes derived from an id, so a simulated payer keeps its region and
 * bank across events without a table: the SplitMix64 finalizer and its mapping to [0, 1).
 *
 * <pre>{@code
 * String region = REGIONS[regions.sampleUnit(Bits.unit(Bits.mix(payerId)))];
 * }</pre>
 */
public final class Bits {
    private Bits() {
    }

    /** The SplitMix64 finalizer of {@code x}: every bit of the input affects every bit of the output. */
    public static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** The top 53 bits of {@code bits} as a double in [0, 1). */
    public static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
