package dev.northstar.metrics.snapshot;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the primitives of the snapshot format from a byte array, refusing anything malformed
 * with a {@link MalformedSnapshotException} that names the offending byte.
 *
 * <p>Every count and length is checked against the bytes that remain <em>before</em> anything
 * is allocated for it: an item takes at least one byte, so a count larger than what remains is
 * a lie, and refusing it keeps a decode's memory proportional to its input.
 */
final class SnapshotInput {
    private final byte[] bytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;

    SnapshotInput(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Offset of the next byte to read. */
    int position() {
        return pos;
    }

    /** Bytes not read yet. */
    int remaining() {
        return bytes.length - pos;
    }

    /** A refusal of the item starting at {@code at}. */
    MalformedSnapshotException malformed(int at, String what) {
        return new MalformedSnapshotException(at, what);
    }

    private void need(int n, String what) {
        if (remaining() < n) {
            throw malformed(pos, "truncated: " + what + " needs " + n + " bytes, " + remaining() + " left");
        }
    }

    /** One unsigned byte. */
    int u8(String what) {
        need(1, what);
        return bytes[pos++] & 0xff;
    }

    /** A byte that must be 0 or 1. */
    boolean flag(String what) {
        int at = pos;
        int b = u8(what);
        if (b > 1) {
            throw malformed(at, what + " must be 0 or 1, was " + b);
        }
        return b == 1;
    }

    /** The constant of an enum by its ordinal, written as one byte. */
    <T> T ordinal(T[] values, String what) {
        int at = pos;
        int b = u8(what);
        if (b >= values.length) {
            throw malformed(at, "unknown " + what + " ordinal " + b + " (0.." + (values.length - 1) + " known)");
        }
        return values[b];
    }

    /** A big-endian 32-bit int. */
    int fixed32(String what) {
        need(4, what);
        int v = ByteBuffer.wrap(bytes, pos, 4).getInt();
        pos += 4;
        return v;
    }

    /** A big-endian 64-bit long. */
    long fixed64(String what) {
        need(8, what);
        long v = ByteBuffer.wrap(bytes, pos, 8).getLong();
        pos += 8;
        return v;
    }

    /**
     * An unsigned LEB128 varint of up to 64 bits, returned as the long with those bits (so a
     * value of 2^63 or more reads as negative). The shortest encoding is required, so every
     * value has exactly one.
     */
    long varint(String what) {
        int at = pos;
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            if (remaining() < 1) {
                throw malformed(at, "truncated: " + what + " (a varint) runs past the end of the input");
            }
            int b = bytes[pos++] & 0xff;
            if (shift == 63 && b > 1) {
                throw malformed(at, what + " (a varint) does not fit in 64 bits");
            }
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw malformed(at, what + " (a varint) is not in its shortest form");
                }
                return v;
            }
        }
    }

    /** A varint that must be a non-negative long. */
    long unsigned(String what) {
        int at = pos;
        long v = varint(what);
        if (v < 0) {
            throw malformed(at, what + " is negative (" + v + ")");
        }
        return v;
    }

    /** A varint that must fit in {@code [min, max]}. */
    long bounded(String what, long min, long max) {
        int at = pos;
        long v = varint(what);
        if (v < min || v > max) {
            throw malformed(at, what + " must be " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    /**
     * A count of items that each take at least {@code minBytesEach} bytes: refused when negative
     * or when the bytes left could not hold that many.
     */
    int count(String what, int minBytesEach) {
        int at = pos;
        long n = varint(what);
        if (n < 0) {
            throw malformed(at, what + " is negative (" + n + ")");
        }
        long left = remaining();
        if (n > left / minBytesEach) {
            throw malformed(at, what + " is " + n + ", more than the " + left + " bytes left can hold");
        }
        return (int) n;
    }

    /** A length-prefixed byte string, copied. */
    byte[] blob(String what) {
        int n = count(what + " length", 1);
        byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return out;
    }

    /** A length-prefixed, strictly valid UTF-8 string. */
    String string(String what) {
        int at = pos;
        int n = count(what + " length", 1);
        int start = pos;
        pos += n;
        if (ascii(start, n)) { // valid UTF-8 as it stands, and decoded by the JDK's fast path
            return new String(bytes, start, n, StandardCharsets.US_ASCII);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, start, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed(at, what + " is not valid UTF-8");
        }
    }

    private boolean ascii(int start, int n) {
        for (int i = start; i < start + n; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Refuses bytes left over after the snapshot. */
    void end() {
        if (remaining() > 0) {
            throw malformed(pos, remaining() + " trailing bytes after the end of the snapshot");
        }
    }
}
