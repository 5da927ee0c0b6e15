package com.cmobile.ecosystem.serde;

import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A growable byte buffer plus the Avro encoder writing into it, reused by one thread for every
 * record it serializes, so the only allocation per record is the returned array.
 * Unlike {@link java.io.ByteArrayOutputStream} it is not synchronized: it never leaves its thread.
 */
final class EncodeBuffer extends OutputStream {

    /** Buffers that grew past this for an outsized record are dropped rather than kept forever. */
    private static final int KEEP_AT_MOST = 1 << 20;

    private byte[] bytes = new byte[512];
    private int count;
    private BinaryEncoder encoder;

    /** Starts a record: leaves room for the wire-format header and returns a ready encoder. */
    BinaryEncoder start() {
        if (bytes.length > KEEP_AT_MOST) {
            bytes = new byte[512];
        }
        count = WireFormat.HEADER_LENGTH;
        encoder = EncoderFactory.get().directBinaryEncoder(this, encoder);
        return encoder;
    }

    /** Ends a record: writes the header and returns a copy of the bytes. */
    byte[] finish(int schemaId) {
        WireFormat.writeHeader(bytes, schemaId);
        return Arrays.copyOf(bytes, count);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }
}
