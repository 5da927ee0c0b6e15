package com.cmobile.ecosystem.producers;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.validation.EventValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EcosystemPublisherTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    final MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(),
            (Serializer<SpecificRecord>) (topic, data) -> new byte[0]);
    final EcosystemPublisher publisher = new EcosystemPublisher(producer,
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)));

    static PopCapacityEvent pop(UUID eventId) {
        var event = new PopCapacityEvent();
        event.setEventId(eventId);
        event.setPopId("pop-1");
        event.setAction(PopAction.COMMISSIONED);
        event.setCity("Singapore");
        event.setCountry("SG");
        event.setBusinessLocation("CMobile International \u2014 Singapore");
        event.setCapacityMbps(400_000);
        event.setOccurredAt(Instant.parse("2012-03-04T05:06:07Z"));
        event.setSource("test");
        return event;
    }

    static PartnerOnboardingEvent partner() {
        return PartnerOnboardingEvent.newBuilder().setEventId(UUID.randomUUID()).setPartnerId("op-9")
                .setPartnerName("Nile Telecom").setProgram(Program.GTI).setRole(PartnerRole.PARTNER)
                .setAction(OnboardingAction.JOINED).setCountry("EG").setSubscribers(null)
                .setOccurredAt(Instant.parse("2019-01-01T00:00:00Z")).setSource("test").build();
    }

    @Test
    void aPopEventGoesToPopCapacityKeyedByPopId() throws Exception {
        PublishedEvent ack = publisher.publish(pop(UUID.randomUUID())).get();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.POP_CAPACITY);
            assertThat(record.key()).isEqualTo("pop-1");
        });
        assertThat(ack.topic()).isEqualTo(Topics.POP_CAPACITY);
        assertThat(ack.key()).isEqualTo("pop-1");
    }

    @Test
    void aPartnerEventGoesToPartnerOnboardingKeyedByPartnerId() throws Exception {
        publisher.publish(partner()).get();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.PARTNER_ONBOARDING);
            assertThat(record.key()).isEqualTo("op-9");
        });
    }

    @Test
    void theRecordTimestampIsLeftToTheProducerNotTakenFromOccurredAt() throws Exception {
        publisher.publish(pop(UUID.randomUUID())).get();

        assertThat(producer.history().get(0).timestamp()).isNull();
    }

    @Test
    void anEventWithoutIdGetsOneAndTheCallersObjectIsLeftAlone() throws Exception {
        PopCapacityEvent withoutId = pop(null);

        PublishedEvent ack = publisher.publish(withoutId).get();

        assertThat(ack.eventId()).isNotNull();
        assertThat(((PopCapacityEvent) producer.history().get(0).value()).getEventId()).isEqualTo(ack.eventId());
        assertThat(withoutId.getEventId()).isNull();
    }

    @Test
    void anInvalidEventIsRefusedWithEveryReasonAndNeverSent() {
        PopCapacityEvent invalid = pop(UUID.randomUUID());
        invalid.setCountry("XX");
        invalid.setCapacityMbps(-1);

        var future = publisher.publish(invalid);

        assertThat(future).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RejectedEventException.class, rejected -> {
                    assertThat(rejected.violations()).extracting(v -> v.field())
                            .containsExactlyInAnyOrder("country", "capacityMbps");
                    assertThat(rejected.key()).isEqualTo("pop-1");
                    assertThat(rejected.getMessage()).contains("pop-capacity", "XX");
                });
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anEventMissingOccurredAtIsRefusedNotThrown() {
        PopCapacityEvent missing = pop(null);
        missing.put("occurredAt", null);

        assertThat(publisher.publish(missing)).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RejectedEventException.class).withMessageContaining("occurredAt");
    }

    @Test
    void aBrokerErrorFailsTheFutureWithTheEventsContext() {
        var manual = new MockProducer<String, SpecificRecord>(false, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> new byte[0]);
        var failing = new EcosystemPublisher(manual, EventValidator.withDefaults());
        UUID id = UUID.randomUUID();

        var future = failing.publish(pop(id));
        manual.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        assertThat(future).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(PublishFailedException.class, failed -> {
                    assertThat(failed.eventId()).isEqualTo(id);
                    assertThat(failed.getMessage()).contains("pop-1", "pop-capacity", "broker gone");
                });
    }

    @Test
    void aSerializerErrorFailsTheFutureInsteadOfThrowing() {
        var broken = new MockProducer<String, SpecificRecord>(true, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> {
                    throw new org.apache.kafka.common.errors.SerializationException("registry unreachable");
                });
        var publisherWithBrokenRegistry = new EcosystemPublisher(broken, EventValidator.withDefaults());

        assertThat(publisherWithBrokenRegistry.publish(pop(UUID.randomUUID()))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(PublishFailedException.class).withMessageContaining("registry unreachable");
    }

    @Test
    void closingWaitsForEventsInFlight() {
        var manual = new MockProducer<String, SpecificRecord>(false, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> new byte[0]);
        var closing = new EcosystemPublisher(manual, EventValidator.withDefaults());
        var future = closing.publish(pop(UUID.randomUUID()));

        closing.flush(); // MockProducer.flush completes every pending send, as the real one waits for them

        assertThat(future).isCompleted();
        closing.close();
        assertThat(manual.closed()).isTrue();
    }

    @Test
    void aCallbackIsToldOnceWithoutFailureWhenTheEventIsAcknowledged() {
        var outcomes = new ArrayList<Optional<RuntimeException>>();

        publisher.publish(pop(UUID.randomUUID()), failure -> outcomes.add(Optional.ofNullable(failure)));
        publisher.publish(partner(), failure -> outcomes.add(Optional.ofNullable(failure)));

        assertThat(outcomes).containsExactly(Optional.empty(), Optional.empty());
        assertThat(producer.history()).extracting(record -> record.topic())
                .containsExactly(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING);
    }

    @Test
    void aCallbackIsToldAnInvalidEventIsRefusedBeforePublishReturnsAndNothingIsSent() {
        PopCapacityEvent invalid = pop(UUID.randomUUID());
        invalid.setCountry("XX");
        var outcomes = new ArrayList<RuntimeException>();

        publisher.publish(invalid, outcomes::add);

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(RejectedEventException.class,
                rejected -> assertThat(rejected.violations()).extracting(v -> v.field()).containsExactly("country"));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aCallbackIsToldOfABrokerErrorWithTheEventsContext() {
        var manual = new MockProducer<String, SpecificRecord>(false, null, new StringSerializer(),
                (Serializer<SpecificRecord>) (topic, data) -> new byte[0]);
        var failing = new EcosystemPublisher(manual, EventValidator.withDefaults());
        UUID id = UUID.randomUUID();
        var outcomes = new ArrayList<RuntimeException>();

        failing.publish(pop(id), outcomes::add);
        manual.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(PublishFailedException.class, failed -> {
            assertThat(failed.eventId()).isEqualTo(id);
            assertThat(failed.getMessage()).contains("pop-1", "pop-capacity", "broker gone");
        });
    }

    @Test
    void anEventTheCallerFoundValidWithThePublishersValidatorIsSentWithoutASecondValidation() {
        var clock = new CountingClock(NOW);
        var counted = new EcosystemPublisher(producer, new EventValidator(clock, Duration.ofMinutes(5)));
        PopCapacityEvent event = pop(UUID.randomUUID());
        assertThat(counted.validator().validate(event)).isEmpty();
        var outcomes = new ArrayList<Optional<RuntimeException>>();

        counted.publishValidated(event, failure -> outcomes.add(Optional.ofNullable(failure)));

        assertThat(clock.reads).isEqualTo(1); // the caller's validation only
        assertThat(outcomes).containsExactly(Optional.empty());
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.POP_CAPACITY);
            assertThat(record.key()).isEqualTo("pop-1");
        });
    }

    /** A fixed clock that counts how often "now" is read: once per validation. */
    static final class CountingClock extends Clock {
        private final Instant now;
        int reads;

        CountingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            reads++;
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
