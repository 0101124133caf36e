package dev.northstar.metrics.snapshot;

/**
 * Bytes that {@link SnapshotCodec#decode} refuses: not a snapshot, a version it does not know,
 * truncated or trailing bytes, a count or length the input cannot hold, an invalid value, or a
 * metric whose definition is not the one the reader expects.
 *
 * <pre>{@code
 * try {
 *     Snapshot s = SnapshotCodec.decode(bytes, registry.definitions());
 * } catch (MalformedSnapshotException e) {
 *     log.warn("dropping snapshot from {}: {}", peer, e.getMessage());   // "at byte 17: ..."
 * }
 * }</pre>
 *
 * <p>The message says what is wrong and {@link #offset()} where: the index, in the input, of
 * the first byte of the item that could not be accepted.
 */
public final class MalformedSnapshotException extends IllegalArgumentException {
    private final int offset;

    /** A refusal of the item starting at byte {@code offset}, for the reason {@code what}. */
    public MalformedSnapshotException(int offset, String what) {
        super("malformed snapshot at byte " + offset + ": " + what);
        this.offset = offset;
    }

    /** A refusal caused by a library (HdrHistogram, DataSketches) rejecting embedded bytes. */
    public MalformedSnapshotException(int offset, String what, Throwable cause) {
        this(offset, what);
        initCause(cause);
    }

    /** Index of the first byte of the refused item in the input. */
    public int offset() {
        return offset;
    }
}
