package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    static List<String> split(InputStream in) throws IOException {
        var lines = new ArrayList<String>();
        LineSplitter.split(in, (number, buffer, offset, length) -> {
            assertThat(number).isEqualTo(lines.size() + 1);
            lines.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
        });
        return lines;
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesEndWithNewlineOrCarriageReturnNewlineAndTheLastMayHaveNeither() throws IOException {
        assertThat(split(bytes("a\r\nb\n\nc"))).containsExactly("a", "b", "", "c");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() throws IOException {
        assertThat(split(bytes("\uFEFFheader\nrow\n"))).containsExactly("header", "row");
    }

    @Test
    void linesLongerThanTheBufferAndLinesAcrossReadsStayWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        // A stream returning a few bytes per read splits lines across reads.
        InputStream trickle = new FilterInputStream(bytes("caf\u00e9\n" + longLine + "\nend\n")) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };

        assertThat(split(trickle)).containsExactly("caf\u00e9", longLine, "end");
        assertThat(split(bytes(longLine + "\n" + longLine))).containsExactly(longLine, longLine);
    }
}
