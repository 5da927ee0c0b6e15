package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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

    @Property(tries = 2_000)
    void theWordAtATimeNewlineSearchFindsWhatAByteByByteSearchFinds(
            @ForAll @Size(max = 40) List<@From("lineBytes") Byte> content, @ForAll @IntRange(max = 40) int from) {
        byte[] buffer = new byte[content.size()];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = content.get(i);
        }
        int start = Math.min(from, buffer.length);
        int expected = -1;
        for (int i = start; i < buffer.length && expected < 0; i++) {
            if (buffer[i] == '\n') {
                expected = i;
            }
        }

        assertThat(LineSplitter.nextNewline(buffer, start, buffer.length)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Byte> lineBytes() {
        // Newlines among their near neighbours in value, and bytes that borrow in the word arithmetic.
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((byte) '\n')),
                Tuple.of(6, Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x09, (byte) 0x0B, (byte) 0x8A,
                        (byte) 0x80, (byte) 0xFF, (byte) 'a', (byte) '"')));
    }
}
