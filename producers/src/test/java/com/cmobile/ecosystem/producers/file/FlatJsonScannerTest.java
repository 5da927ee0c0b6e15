package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class FlatJsonScannerTest {

    private final FlatJsonScanner scanner = new FlatJsonScanner();
    private final JsonLineFieldsParser jackson = new JsonLineFieldsParser();

    @Property(tries = 3_000)
    void whatTheScannerAcceptsJacksonReadsTheSame(@ForAll("lines") byte[] line) throws MalformedLineException {
        Map<String, String> scanned = scanner.fields(line, 0, line.length);

        if (scanned != null) {
            assertThat(jackson.withJackson(line, 0, line.length)).isEqualTo(Optional.of(scanned));
        }
    }

    @Test
    void aTypicalLineIsReadByTheScanner() {
        byte[] line = ("{\"eventId\":\"7cb1c23b-65ad-4781-a9f9-789858f6f13d\",\"popId\":\"load-pop-01234\","
                + "\"action\":\"COMMISSIONED\",\"city\":\"S\u00e3o Paulo\",\"country\":\"BR\","
                + "\"businessLocation\":\"CMobile International \u2014 Riyadh \uD83D\uDCE1\",\"capacityMbps\":1970000,"
                + "\"occurredAt\":\"2026-11-14T15:04:25.642Z\",\"source\":null,\"flag\":true,\"ratio\":-1.5e3} ")
                .getBytes(StandardCharsets.UTF_8);

        Map<String, String> fields = scanner.fields(line, 0, line.length);

        assertThat(fields).containsEntry("city", "S\u00e3o Paulo")
                .containsEntry("businessLocation", "CMobile International \u2014 Riyadh \uD83D\uDCE1")
                .containsEntry("capacityMbps", "1970000").containsEntry("flag", "true").containsEntry("ratio", "-1.5e3")
                .doesNotContainKey("source").hasSize(10);
    }

    @Test
    void aSliceOfALargerBufferIsReadWithinItsBounds() {
        byte[] buffer = "xx{\"a\":\"b\"}{\"c\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(scanner.fields(buffer, 2, 9)).isEqualTo(Map.of("a", "b"));
    }

    @Test
    void unusualLinesAreLeftToJacksonWhichWordsTheError() {
        for (String text : List.of("{\"a\":\"x\\ny\"}", "{\"a\":1,\"a\":2}", "{\"a\":{}}", "{\"a\":01}", "{\"a\":1} x",
                "{\"a\":nul}", "[1]", "{\"a\":1,}")) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            assertThat(scanner.fields(line, 0, line.length)).as(text).isNull();
        }
        byte[] duplicate = "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> jackson.fields(duplicate, 0, duplicate.length)).hasMessage("a: appears twice");
    }

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<String> line = Combinators.combine(field().list().ofMaxSize(9), space(), space())
                .as((fields, before, after) -> before + "{" + String.join(",", fields) + "}" + after);
        return Arbitraries.oneOf(
                line.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Combinators.combine(line, Arbitraries.integers().between(0, 1_000), Arbitraries.bytes())
                        .as(FlatJsonScannerTest::mutated));
    }

    /** One byte changed, dropped or inserted, or the line cut short. */
    private static byte[] mutated(String text, int where, byte what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = where % (bytes.length + 1);
        return switch (where % 4) {
            case 0 -> {
                byte[] copy = bytes.clone();
                if (at < copy.length) {
                    copy[at] = what;
                }
                yield copy;
            }
            case 1 -> Arrays.copyOf(bytes, at);
            case 2 -> {
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = what;
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                yield longer;
            }
            default -> {
                byte[] shorter = new byte[Math.max(0, bytes.length - 1)];
                if (at < bytes.length) {
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    yield shorter;
                }
                yield bytes;
            }
        };
    }

    private Arbitrary<String> field() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("popId", "city", "a", "\u00e9t\u00e9", "")),
                Tuple.of(4, text(CLEAN)),
                Tuple.of(1, text(RAW)));
        return Combinators.combine(name, space(), space(), value(), space())
                .as((n, s1, s2, v, s3) -> "\"" + n + "\"" + s1 + ":" + s2 + v + s3);
    }

    private Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, text(CLEAN).map(t -> "\"" + t + "\"")),
                Tuple.of(2, text(RAW).map(t -> "\"" + t + "\"")),
                Tuple.of(2, text(RAW).map(t -> "\"" + escaped(t) + "\"")),
                Tuple.of(2, Arbitraries.of("0", "-0", "12", "-7", "1.5", "1e5", "2E-3", "-0.25e+10", "true", "false",
                        "null")),
                Tuple.of(1, Arbitraries.of("01", "1.", ".5", "-", "+1", "1e", "123456789012345678901234567890", "1x",
                        "tru", "nul", "nullx", "{}", "[]", "{\"b\":1}", "[1,2]", "NaN", "'a'")),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.doubles().map(String::valueOf)));
    }

    private static final String CLEAN = "abcXYZ019 -:./\u007f\u00e3\u00e9\u2014\u20ac\uD83D\uDCE1";
    private static final String RAW = CLEAN + "\"\\\t\u0001";

    /** Text of these characters; RAW ones go in unescaped (quotes, backslashes, control characters). */
    private static Arbitrary<String> text(String chars) {
        return Arbitraries.strings().withChars(chars).ofMaxLength(12);
    }

    private static String escaped(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Arbitrary<String> space() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.of(" ", "\t", "  ", "\r")),
                Tuple.of(1, Arbitraries.of("\u000b", "\u00a0", "\f")));
    }
}
