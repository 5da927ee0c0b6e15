package com.cmobile.ecosystem.testing;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import java.time.Instant;
import java.util.UUID;

/** Valid events for tests; tests change one field to show one behaviour. */
public final class SampleEvents {

    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private SampleEvents() {
    }

    public static PopCapacityEvent.Builder pop() {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.fromString("0b7c1a52-6f1e-4a39-9d3e-0d1b2c3a4f50"))
                .setPopId("pop-fra-1")
                .setAction(PopAction.COMMISSIONED)
                .setCity("Frankfurt")
                .setCountry("DE")
                .setBusinessLocation("CMI Europe")
                .setCapacityMbps(400_000)
                .setOccurredAt(NOW.minusSeconds(60))
                .setSource("noc-inventory");
    }

    public static PartnerOnboardingEvent.Builder partner() {
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.fromString("4d5e6f70-8192-4a3b-8c4d-5e6f70819203"))
                .setPartnerId("partner-42")
                .setPartnerName("Example Telecom")
                .setProgram(Program.HAND_IN_HAND)
                .setRole(PartnerRole.MEMBER)
                .setAction(OnboardingAction.JOINED)
                .setCountry("TH")
                .setSubscribers(12_000_000L)
                .setOccurredAt(NOW.minusSeconds(60))
                .setSource("alliance-crm");
    }
}
