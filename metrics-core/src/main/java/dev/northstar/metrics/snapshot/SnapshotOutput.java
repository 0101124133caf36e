package dev.northstar.metrics.snapshot;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the primitives of the snapshot format into a growing byte array. */
final class SnapshotOutput {
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] bytes = new byte[256];
    private int size;

    private void ensure(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }

    void u8(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void flag(boolean b) {
        u8(b ? 1 : 0);
    }

    void fixed32(int v) {
        ensure(4);
        ByteBuffer.wrap(bytes, size, 4).putInt(v);
        size += 4;
    }

    void fixed64(long v) {
        ensure(8);
        ByteBuffer.wrap(bytes, size, 8).putLong(v);
        size += 8;
    }

    /** Unsigned LEB128 of the 64 bits of {@code v}, shortest form. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            bytes[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void blob(byte[] b) {
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /**
     * A length-prefixed UTF-8 string.
     *
     * @throws IllegalArgumentException if {@code s} is not well-formed UTF-16 (an unpaired
     *                                  surrogate has no UTF-8 form, and replacing it would
     *                                  silently change the string)
     */
    void string(String s, String what) {
        if (!hasSurrogates(s)) { // then UTF-8 has one form, and the JDK's fast path writes it
            blob(s.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteBuffer encoded;
        try {
            encoded = utf8.reset().encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("cannot encode " + what + " '" + s
                    + "': it is not well-formed UTF-16 (unpaired surrogate)");
        }
        byte[] b = new byte[encoded.remaining()];
        encoded.get(b);
        blob(b);
    }

    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
