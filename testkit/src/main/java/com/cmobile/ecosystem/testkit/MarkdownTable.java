package com.cmobile.ecosystem.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first table under a heading of a markdown file, as rows of cells keyed by column header.
 * Enough for the tables of this project's READMEs: no escaped {@code |} inside cells.
 */
public record MarkdownTable(String source, List<Map<String, String>> rows) {

    public static MarkdownTable under(Path file, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new AssertionError(file + " has no heading '" + heading + "'");
        }
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        if (at + 1 >= lines.size()) {
            throw new AssertionError(file + " has no table under '" + heading + "'");
        }
        List<String> header = cells(lines.get(at));
        var rows = new ArrayList<Map<String, String>>();
        // at + 1 is the | --- | separator row
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            var row = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            rows.add(row);
        }
        return new MarkdownTable(file + " under '" + heading + "'", rows);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        var cells = new ArrayList<String>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
