package com.cmobile.ecosystem.producers.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object per line, read with Jackson's streaming parser: no tree is built, which keeps a
 * million-line file well above 100k lines/s.
 */
final class JsonLineFieldsParser implements FieldsParser {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true; // whatever follows is not even JSON
        }
    }

    @Override
    public Optional<Map<String, String>> fields(byte[] line, int offset, int length) throws MalformedLineException {
        try (JsonParser parser = JSON.createParser(line, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedLineException("malformed JSON: expected an object '{...}'");
            }
            var fields = new HashMap<String, String>(16);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw new MalformedLineException(name + ": must be a string or a number, not "
                            + (value == JsonToken.START_OBJECT ? "an object" : "an array"));
                }
                if (fields.containsKey(name)) {
                    throw new MalformedLineException(name + ": appears twice");
                }
                if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
            if (hasMore(parser)) {
                throw new MalformedLineException("malformed JSON: text after the closing '}'");
            }
            return Optional.of(fields);
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("malformed JSON: " + e.getOriginalMessage()
                    + " at column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            // Reading from a byte array performs no I/O; reaching this would be a Jackson bug.
            throw new IllegalStateException("unexpected I/O error reading a byte array", e);
        }
    }
}
