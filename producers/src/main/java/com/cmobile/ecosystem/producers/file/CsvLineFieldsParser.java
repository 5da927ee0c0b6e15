package com.cmobile.ecosystem.producers.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV with a header row. Each physical line is parsed on its own so that a malformed line is
 * reported with its own number and the next line is still read; values therefore cannot contain
 * line breaks (event fields never need them). Empty cells are absent fields; values are trimmed.
 */
final class CsvLineFieldsParser implements FieldsParser {

    private static final ObjectReader ROW = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .readerFor(String[].class);

    private List<String> header;

    /** The header's column names; empty before the header line was read. */
    List<String> header() {
        return header == null ? List.of() : header;
    }

    @Override
    public Optional<Map<String, String>> fields(byte[] line, int offset, int length) throws MalformedLineException {
        if (header == null) {
            try {
                header = readHeader(split(line, offset, length));
            } catch (MalformedLineException e) {
                throw new EventFileException("CSV header: " + e.getMessage());
            }
            return Optional.empty();
        }
        String[] cells = split(line, offset, length);
        if (cells.length != header.size()) {
            throw new MalformedLineException("expected " + header.size() + " columns as in the header but found "
                    + cells.length);
        }
        var fields = new HashMap<String, String>(16);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isEmpty()) {
                fields.put(header.get(i), cells[i]);
            }
        }
        return Optional.of(fields);
    }

    private static List<String> readHeader(String[] cells) throws MalformedLineException {
        var names = new ArrayList<String>(cells.length);
        var seen = new HashSet<String>();
        for (String cell : cells) {
            String name = cell == null ? "" : cell.strip();
            if (name.isEmpty()) {
                throw new MalformedLineException("empty column name");
            }
            if (!seen.add(name)) {
                throw new MalformedLineException("column '" + name + "' appears twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static String[] split(byte[] line, int offset, int length) throws MalformedLineException {
        try {
            String[] cells = ROW.readValue(line, offset, length);
            return cells == null ? new String[0] : cells;
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("unexpected I/O error reading a byte array", e);
        }
    }
}
