package dev.spillway.io.json;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, growable byte buffer that a JSON generator writes into (unlike ByteArrayOutputStream, unsynchronized). */
final class ByteSink extends OutputStream {
    private byte[] bytes = new byte[256];
    private int size;

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }
}
