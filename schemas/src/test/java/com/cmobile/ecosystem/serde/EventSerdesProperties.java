package com.cmobile.ecosystem.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any event, including odd text and extreme numbers, comes back equal. */
class EventSerdesProperties {

    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "mock://serde-properties");
    private final SpecificAvroSerde<PopCapacityEvent> pops = EventSerdes.popCapacity(CONFIG);
    private final SpecificAvroSerde<PartnerOnboardingEvent> partners = EventSerdes.partnerOnboarding(CONFIG);

    @Property(tries = 200)
    void anyPopCapacityEventSurvivesARoundTrip(@ForAll("popEvents") PopCapacityEvent event) {
        byte[] bytes = pops.serializer().serialize("pop-capacity", event);
        assertThat(pops.deserializer().deserialize("pop-capacity", bytes)).isEqualTo(event);
    }

    @Property(tries = 200)
    void anyPartnerOnboardingEventSurvivesARoundTrip(@ForAll("partnerEvents") PartnerOnboardingEvent event) {
        byte[] bytes = partners.serializer().serialize("partner-onboarding", event);
        assertThat(partners.deserializer().deserialize("partner-onboarding", bytes)).isEqualTo(event);
    }

    @Provide
    Arbitrary<PopCapacityEvent> popEvents() {
        return Builders.withBuilder(PopCapacityEvent::newBuilder)
                .use(uuids()).in(PopCapacityEvent.Builder::setEventId)
                .use(text()).in(PopCapacityEvent.Builder::setPopId)
                .use(Arbitraries.of(PopAction.class)).in(PopCapacityEvent.Builder::setAction)
                .use(text()).in(PopCapacityEvent.Builder::setCity)
                .use(text()).in(PopCapacityEvent.Builder::setCountry)
                .use(text()).in(PopCapacityEvent.Builder::setBusinessLocation)
                .use(Arbitraries.longs()).in(PopCapacityEvent.Builder::setCapacityMbps)
                .use(instants()).in(PopCapacityEvent.Builder::setOccurredAt)
                .use(text()).in(PopCapacityEvent.Builder::setSource)
                .build(PopCapacityEvent.Builder::build);
    }

    @Provide
    Arbitrary<PartnerOnboardingEvent> partnerEvents() {
        return Builders.withBuilder(PartnerOnboardingEvent::newBuilder)
                .use(uuids()).in(PartnerOnboardingEvent.Builder::setEventId)
                .use(text()).in(PartnerOnboardingEvent.Builder::setPartnerId)
                .use(text()).in(PartnerOnboardingEvent.Builder::setPartnerName)
                .use(Arbitraries.of(Program.class)).in(PartnerOnboardingEvent.Builder::setProgram)
                .use(Arbitraries.of(PartnerRole.class)).in(PartnerOnboardingEvent.Builder::setRole)
                .use(Arbitraries.of(OnboardingAction.class)).in(PartnerOnboardingEvent.Builder::setAction)
                .use(text()).in(PartnerOnboardingEvent.Builder::setCountry)
                .use(Arbitraries.longs().injectNull(0.3)).in(PartnerOnboardingEvent.Builder::setSubscribers)
                .use(instants()).in(PartnerOnboardingEvent.Builder::setOccurredAt)
                .use(text()).in(PartnerOnboardingEvent.Builder::setSource)
                .build(PartnerOnboardingEvent.Builder::build);
    }

    private static Arbitrary<String> text() {
        // Any char except lone surrogates: they are not Unicode scalar values, so no UTF-8 (and no
        // Avro implementation) can carry them; Java's encoder turns them into '?'.
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF').ofMaxLength(40);
    }

    private static Arbitrary<UUID> uuids() {
        return Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    }

    private static Arbitrary<Instant> instants() {
        // timestamp-millis keeps milliseconds: generate whole milliseconds.
        return Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L).map(Instant::ofEpochMilli);
    }
}
