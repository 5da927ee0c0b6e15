package com.cmobile.ecosystem.producers.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerLinesTest {

    static final String GOOD = "{\"partnerId\":\"op-42\",\"partnerName\":\"Andes Mobile\",\"program\":\"HAND_IN_HAND\","
            + "\"role\":\"MEMBER\",\"action\":\"JOINED\",\"country\":\"PE\",\"subscribers\":12000000,"
            + "\"occurredAt\":\"2020-03-01T00:00:00Z\"}";

    static List<LineResult<PartnerOnboardingEvent>> read(EventFormat format, String text) throws IOException {
        var results = new ArrayList<LineResult<PartnerOnboardingEvent>>();
        EventFileReader.partners(format, PopLinesTest.VALIDATOR, "partner-file")
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), results::add);
        return results;
    }

    static PartnerOnboardingEvent accepted(LineResult<PartnerOnboardingEvent> result) {
        assertThat(result).isInstanceOf(LineResult.Accepted.class);
        return ((LineResult.Accepted<PartnerOnboardingEvent>) result).event();
    }

    @Test
    void aCompleteJsonLineBecomesTheEventItDescribes() throws IOException {
        PartnerOnboardingEvent event = accepted(read(EventFormat.JSONL, GOOD).get(0));

        assertThat(event.getEventId()).isNotNull();
        assertThat(event.getPartnerId()).isEqualTo("op-42");
        assertThat(event.getPartnerName()).isEqualTo("Andes Mobile");
        assertThat(event.getProgram()).isEqualTo(Program.HAND_IN_HAND);
        assertThat(event.getRole()).isEqualTo(PartnerRole.MEMBER);
        assertThat(event.getAction()).isEqualTo(OnboardingAction.JOINED);
        assertThat(event.getCountry()).isEqualTo("PE");
        assertThat(event.getSubscribers()).isEqualTo(12_000_000L);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2020-03-01T00:00:00Z"));
        assertThat(event.getSource()).isEqualTo("partner-file");
    }

    @Test
    void subscribersAreOptional() throws IOException {
        assertThat(accepted(read(EventFormat.JSONL, GOOD.replace(",\"subscribers\":12000000", "")).get(0)).getSubscribers())
                .isNull();
    }

    @Test
    void leavingNeedsNoNameNorCountry() throws IOException {
        PartnerOnboardingEvent event = accepted(read(EventFormat.JSONL, "{\"partnerId\":\"op-42\",\"program\":\"GTI\","
                + "\"role\":\"PARTNER\",\"action\":\"LEFT\",\"occurredAt\":1583020800000}").get(0));

        assertThat(event.getPartnerName()).isEmpty();
        assertThat(event.getCountry()).isEmpty();
    }

    @Test
    void unknownProgramRoleAndNegativeSubscribersAreAllReported() throws IOException {
        var rejected = (LineResult.Rejected<?>) read(EventFormat.JSONL, GOOD.replace("HAND_IN_HAND", "STAR_ALLIANCE")
                .replace("MEMBER", "UNKNOWN").replace("12000000", "-5")).get(0);

        assertThat(rejected.reason()).contains("program").contains("STAR_ALLIANCE")
                .contains("role").contains("subscribers");
    }

    @Test
    void csvPartnersAreReadWithOptionalColumnsLeftEmpty() throws IOException {
        String csv = "partnerId,partnerName,program,role,action,country,subscribers,occurredAt\n"
                + "op-1,Nile Telecom,ISTAR,PARTNER,JOINED,EG,,2019-01-01T00:00:00Z\n"
                + "op-2,,GTI,MEMBER,JOINED,FR,,2019-01-01T00:00:00Z\n";

        var results = read(EventFormat.CSV, csv);

        assertThat(accepted(results.get(0)).getSubscribers()).isNull();
        assertThat(((LineResult.Rejected<?>) results.get(1)).describe()).startsWith("line 3:").contains("partnerName");
    }
}
