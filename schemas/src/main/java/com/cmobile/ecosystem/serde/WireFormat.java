package com.cmobile.ecosystem.serde;

/**
 * Confluent's wire format: byte 0 is the magic byte {@value #MAGIC_BYTE}, bytes 1 to 4 the
 * big-endian schema id, then the Avro binary encoding of the record.
 */
public final class WireFormat {

    /** The only format version Confluent has defined. */
    public static final byte MAGIC_BYTE = 0x0;

    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    static int readSchemaId(byte[] source, int offset) {
        return ((source[offset + 1] & 0xff) << 24)
                | ((source[offset + 2] & 0xff) << 16)
                | ((source[offset + 3] & 0xff) << 8)
                | (source[offset + 4] & 0xff);
    }
}
