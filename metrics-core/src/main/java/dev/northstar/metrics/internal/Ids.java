package dev.northstar.metrics.internal;

/**
 * Turns a textual id into 64 bits without allocating (the sketches then hash those bits again
 * with their own MurmurHash3). FNV-1a over the UTF-16 code units, then the MurmurHash3 64-bit
 * finalizer to spread the bits; only the hash is ever kept, never the id.
 */
public final class Ids {
    private Ids() {
    }

    /** The 64-bit hash of {@code id}; callers refuse null before calling. */
    public static long hash(CharSequence id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = id.length(); i < n; i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53b4a87L;
        return h ^ (h >>> 33);
    }
}
