package com.cmobile.ecosystem.producers.file;

import java.util.Map;

/** Splits one line (UTF-8 bytes) into field name to text value; absent and null fields are left out of the map. */
interface FieldsParser {

    /**
     * @return the fields, or empty when this line carries no event (a CSV header row)
     * @throws MalformedLineException when the line is not well-formed
     */
    java.util.Optional<Map<String, String>> fields(byte[] line, int offset, int length) throws MalformedLineException;
}
