package com.cmobile.ecosystem.app.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

    private static final Instant AT = Instant.parse("2025-03-10T08:15:30.123456789Z");

    @Test
    void popStatesComeBackEqual() {
        var serde = StateSerdes.popState();
        for (var pop : new PopState[] {
                new PopState("pop-1", true, "São Paulo", "BR", "CMI Americas", 40_000, AT, "e-1"),
                new PopState("pop-2", false, "", "", "", 0, Instant.EPOCH, "e-2")}) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", pop))).isEqualTo(pop);
        }
    }

    @Test
    void membershipVersionsComeBackEqual() {
        var serde = StateSerdes.membershipState();
        var version = new MembershipState(Program.GTI, true, PartnerRole.MEMBER, "Opérateur", "FR", 10, AT, "e-1");

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", version))).isEqualTo(version);
    }

    @Test
    void partnerMembershipsComeBackEqual() {
        var serde = StateSerdes.partnerMemberships();
        var partner = new PartnerMemberships("p-1", Map.of(
                Program.GTI, new MembershipState(Program.GTI, true, PartnerRole.MEMBER, "Operator", "FR", 10, AT, "e-1"),
                Program.ISTAR, new MembershipState(Program.ISTAR, false, PartnerRole.PARTNER, "", "", 0, AT, "e-2")));

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", partner))).isEqualTo(partner);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t",
                PartnerMemberships.none("p-2")))).isEqualTo(PartnerMemberships.none("p-2"));
    }

    @Test
    void anUnknownFormatOrExtraBytesAreNamedErrors() {
        var serde = StateSerdes.popState();
        var bytes = serde.serializer().serialize("t", new PopState("pop-1", true, "Paris", "FR", "CMI", 1, AT, "e"));
        var future = bytes.clone();
        future[0] = 2;
        var longer = Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format 2");
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("1 bytes left");
        assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", Arrays.copyOf(bytes, 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("PopState of changelog");
    }
}
