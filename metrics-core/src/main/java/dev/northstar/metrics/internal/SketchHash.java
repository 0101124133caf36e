package dev.northstar.metrics.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * DataSketches' hash of a {@code long} id, computed without allocating, and the two sketch
 * updates that take an already-hashed id.
 *
 * <h2>Why</h2>
 * {@code HllSketch.update(long)} and {@code UpdateSketch.update(long)} box the id into a
 * {@code long[1]} and hash it with MurmurHash3 into a fresh {@code long[2]} (through a fresh
 * {@code HashState}). Only C2's escape analysis removes those objects, and only when it inlines
 * the whole hash into the sketch's update; when it does not (a compilation that ran out of inlining
 * budget, a hash method already compiled elsewhere), every record allocates 32 bytes. The
 * allocation guard in the benchmarks module saw exactly that in two runs out of four. So this
 * class computes the same MurmurHash3_x64_128 of the id's eight bytes with the same seed (9001),
 * and hands the result to the sketch's own package-private update: {@code Union.couponUpdate(int)}
 * for HLL and {@code UpdateSketch.hashUpdate(long)} for Theta. The sketches receive exactly what
 * their public {@code update(long)} would have given them, so they stay bit-for-bit the same and
 * readable by any other DataSketches engine ({@code SketchHashTest} checks both).
 *
 * <h2>If DataSketches changes</h2>
 * The two methods are found by name when this class loads. If a later DataSketches renames them,
 * or a module layer hides them, the handles are {@code null} and the cells fall back to the public
 * {@code update(long)}: still correct, allocating again only where escape analysis fails.
 * {@code SketchHashTest} asserts that the handles were found, so an upgrade cannot lose the fast
 * path without the build saying so.
 */
public final class SketchHash {
    /** DataSketches' default update seed, used by every sketch Northstar builds. */
    static final long SEED = 9001L;

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    /** Bits of a coupon's address; the register value sits above them. */
    static final int HLL_KEY_BITS = 26;
    private static final long HLL_KEY_MASK = (1L << HLL_KEY_BITS) - 1;

    /** {@code (hll.Union, int) -> void}: {@code Union.couponUpdate}, or null. */
    static final MethodHandle HLL_COUPON_UPDATE = hllCouponUpdate();
    /** {@code (hll.Union) -> Object}: {@code Union.getCurMode}, or null. */
    static final MethodHandle HLL_CUR_MODE = hllCurMode();
    /** The {@code CurMode.HLL} constant, or null. */
    private static final Object HLL_MODE = hllMode();
    /** {@code (theta.Union) -> UpdateSketch}: the union's internal sketch, or null. */
    static final MethodHandle THETA_GADGET = thetaGadget();
    /** {@code (UpdateSketch, long) -> void}: {@code UpdateSketch.hashUpdate}, or null. */
    static final MethodHandle THETA_HASH_UPDATE = thetaHashUpdate();
    /** Whether HLL unions are fed coupons through the package-private path. */
    private static final boolean HLL_DIRECT = HLL_COUPON_UPDATE != null;
    /** Whether Theta unions are fed hashes through the package-private path. */
    private static final boolean THETA_DIRECT = THETA_GADGET != null && THETA_HASH_UPDATE != null;

    private SketchHash() {
    }

    /** Whether both sketch kinds take the allocation-free path. */
    public static boolean direct() {
        return HLL_DIRECT && HLL_CUR_MODE != null && HLL_MODE != null && THETA_DIRECT;
    }

    /**
     * What an HLL union is fed for an id: its coupon on the direct path, else the id itself (for
     * {@link #hllUpdate}'s public fallback). Computed once per record, before any lock is taken.
     */
    static long hllKey(long id) {
        return HLL_DIRECT ? coupon(id) : id;
    }

    /** Whether {@link #hllKey} gives coupons, so a key says which register it can raise. */
    static boolean hllKeysAreCoupons() {
        return HLL_DIRECT;
    }

    /** Adds an {@link #hllKey} to an HLL union, as {@code union.update(id)} would. */
    static void hllUpdate(Union union, long key) {
        if (!HLL_DIRECT) {
            union.update(key);
            return;
        }
        try {
            HLL_COUPON_UPDATE.invokeExact(union, (int) key);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Whether an HLL union holds registers (its HLL mode) rather than a list or set of coupons.
     * Only then does a register's value alone decide whether a coupon changes the sketch. False
     * when the mode cannot be read, which only costs the lock-free shortcut.
     */
    static boolean hllRegisters(Union union) {
        if (HLL_CUR_MODE == null) {
            return false;
        }
        try {
            return (Object) HLL_CUR_MODE.invokeExact(union) == HLL_MODE;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** What a Theta union is fed for an id: its hash on the direct path, else the id itself. */
    static long thetaKey(long id) {
        return THETA_DIRECT ? thetaHash(id) : id;
    }

    /** Adds a {@link #thetaKey} to a Theta union, as {@code union.update(id)} would. */
    static void thetaUpdate(org.apache.datasketches.theta.Union union, long key) {
        if (!THETA_DIRECT) {
            union.update(key);
            return;
        }
        try {
            THETA_HASH_UPDATE.invokeExact(gadget(union), key);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * The theta of a Theta union's own sketch: a {@link #thetaKey} at or above it would be
     * rejected by that sketch, and by any union it later joins. 0 (unknown) when keys are not
     * hashes.
     */
    static long thetaBound(org.apache.datasketches.theta.Union union) {
        if (!THETA_DIRECT) {
            return 0;
        }
        return gadget(union).getThetaLong();
    }

    private static UpdateSketch gadget(org.apache.datasketches.theta.Union union) {
        try {
            return (UpdateSketch) THETA_GADGET.invokeExact(union);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The HLL coupon of an id: 26 bits of address, then the leading-zero count plus one. */
    static int coupon(long id) {
        long a = firstMix(id);
        long b = (SEED ^ 8) + a;
        long fb = fmix64(b);
        long h1 = fmix64(a) + fb;
        long h2 = fb + h1;
        int address = (int) (h1 & HLL_KEY_MASK);
        int value = Math.min(Long.numberOfLeadingZeros(h2), 62) + 1;
        return value << HLL_KEY_BITS | address;
    }

    /** The Theta hash of an id: the first half of the 128-bit hash, shifted to be positive. */
    static long thetaHash(long id) {
        long a = firstMix(id);
        return (fmix64(a) + fmix64((SEED ^ 8) + a)) >>> 1;
    }

    /**
     * MurmurHash3_x64_128 of one 8-byte key, up to the final mixes: there is no body block, the
     * key is the tail's {@code k1} and {@code k2} is 0, so {@code h2 ^= mixK2(0)} changes nothing.
     * Returns {@code h1} after {@code h1 += h2}; {@code h2} is then {@code (SEED ^ 8) + h1}.
     */
    private static long firstMix(long id) {
        long h1 = SEED ^ mixK1(id) ^ 8;
        long h2 = SEED ^ 8;
        return h1 + h2;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    private static MethodHandle hllCouponUpdate() {
        try {
            return MethodHandles.privateLookupIn(Union.class, MethodHandles.lookup())
                    .findVirtual(Union.class, "couponUpdate", MethodType.methodType(void.class, int.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> curModeClass() throws ClassNotFoundException {
        return Class.forName("org.apache.datasketches.hll.CurMode");
    }

    private static MethodHandle hllCurMode() {
        try {
            Class<?> mode = curModeClass();
            return MethodHandles.privateLookupIn(Union.class, MethodHandles.lookup())
                    .findVirtual(Union.class, "getCurMode", MethodType.methodType(mode))
                    .asType(MethodType.methodType(Object.class, Union.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object hllMode() {
        try {
            for (Object mode : curModeClass().getEnumConstants()) {
                if (((Enum<?>) mode).name().equals("HLL")) {
                    return mode;
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static MethodHandle thetaGadget() {
        try {
            Class<?> impl = Class.forName("org.apache.datasketches.theta.UnionImpl");
            return MethodHandles.privateLookupIn(impl, MethodHandles.lookup())
                    .findGetter(impl, "gadget_", UpdateSketch.class)
                    .asType(MethodType.methodType(UpdateSketch.class, org.apache.datasketches.theta.Union.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static MethodHandle thetaHashUpdate() {
        try {
            return MethodHandles.privateLookupIn(UpdateSketch.class, MethodHandles.lookup())
                    .findVirtual(UpdateSketch.class, "hashUpdate",
                            MethodType.methodType(org.apache.datasketches.theta.UpdateReturnState.class, long.class))
                    .asType(MethodType.methodType(void.class, UpdateSketch.class, long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
