package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.partner;
import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventSerdesRoundTripTest {

    private final String scope = "round-trip-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void popCapacityEventSurvivesARoundTrip() {
        PopCapacityEvent event = pop().setAction(PopAction.CAPACITY_CHANGED).build();
        var serde = EventSerdes.popCapacity(config);

        byte[] bytes = serde.serializer().serialize(Topics.POP_CAPACITY, event);
        PopCapacityEvent read = serde.deserializer().deserialize(Topics.POP_CAPACITY, bytes);

        assertThat(read).isEqualTo(event);
        assertThat(read.getEventId()).isEqualTo(event.getEventId());
        assertThat(read.getOccurredAt()).isEqualTo(event.getOccurredAt());
    }

    @Test
    void partnerOnboardingEventSurvivesARoundTrip() {
        PartnerOnboardingEvent event = partner().build();
        var serde = EventSerdes.partnerOnboarding(config);

        byte[] bytes = serde.serializer().serialize(Topics.PARTNER_ONBOARDING, event);

        assertThat(serde.deserializer().deserialize(Topics.PARTNER_ONBOARDING, bytes)).isEqualTo(event);
    }

    @Test
    void partnerWithoutSubscribersSurvivesARoundTrip() {
        PartnerOnboardingEvent event = partner().setSubscribers(null).build();
        var serde = EventSerdes.partnerOnboarding(config);

        byte[] bytes = serde.serializer().serialize(Topics.PARTNER_ONBOARDING, event);

        assertThat(serde.deserializer().deserialize(Topics.PARTNER_ONBOARDING, bytes).getSubscribers()).isNull();
    }

    @Test
    void serdesBuiltSeparatelyOnTheSameMockScopeAgreeOnIds() {
        byte[] bytes = EventSerdes.popCapacity(config).serializer().serialize(Topics.POP_CAPACITY, pop().build());

        PopCapacityEvent read = EventSerdes.popCapacity(config).deserializer().deserialize(Topics.POP_CAPACITY, bytes);

        assertThat(read).isEqualTo(pop().build());
    }

    @Test
    void nullStaysNullForTombstones() {
        var serde = EventSerdes.popCapacity(config);

        assertThat(serde.serializer().serialize(Topics.POP_CAPACITY, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.POP_CAPACITY, null)).isNull();
    }

    @Test
    void nonAsciiTextSurvivesARoundTrip() {
        PopCapacityEvent event = pop().setCity("São Paulo").setBusinessLocation("中国移动国际 \uD83D\uDE80").build();
        var serde = EventSerdes.popCapacity(config);

        byte[] bytes = serde.serializer().serialize(Topics.POP_CAPACITY, event);

        assertThat(serde.deserializer().deserialize(Topics.POP_CAPACITY, bytes)).isEqualTo(event);
    }
}
