package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link KeyOrder} against its definition: the stores' order, unsigned bytes of the UTF-8 encoding. */
class KeyOrderProperties {

    @Property(tries = 3000)
    void comparesAsTheUtf8BytesDo(@ForAll("keys") String a, @ForAll("keys") String b) {
        int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(KeyOrder.compare(a, b))).as("'%s' vs '%s'", a, b).isEqualTo(expected);
        assertThat(Integer.signum(KeyOrder.compare(b, a))).isEqualTo(-expected);
    }

    /**
     * Keys that often share a prefix (as {@code COUNTRY|city} keys do), from ASCII, accented letters,
     * the top of the BMP (above the surrogates, where UTF-16 order and code point order part),
     * supplementary characters and lone surrogates.
     */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(3),
                Arbitraries.strings().withChars('|', 'é', 'ß', '\u00ff', '\u0100', '\ud7ff', '\ue000', '\uffff', '?')
                        .ofMaxLength(3),
                Arbitraries.of("\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\ud800", "\udc00", "\ud83d"),
                Arbitraries.strings().all().ofMaxLength(3));
        return piece.list().ofMaxSize(4).map(parts -> String.join("", parts));
    }
}
