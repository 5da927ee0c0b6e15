package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.producers.file.LineResult;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rejected lines written as JSON Lines: {@code {"line": 12, "reasons": ["..."], "input": "..."}}, one
 * per rejected line, so they can be fixed and re-published, whatever the input format was.
 */
final class RejectsFile implements AutoCloseable {

    private final Path path;
    private final JsonGenerator json;

    RejectsFile(Path path) throws IOException {
        this.path = path;
        this.json = new JsonFactory().createGenerator(Files.newOutputStream(path), JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
    }

    void write(LineResult.Rejected<?> rejected) {
        try {
            json.writeStartObject();
            json.writeNumberField("line", rejected.line());
            json.writeArrayFieldStart("reasons");
            for (String reason : rejected.reasons()) {
                json.writeString(reason);
            }
            json.writeEndArray();
            json.writeStringField("input", rejected.input());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejected line " + rejected.line() + " to " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
