package com.cmobile.ecosystem.producers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublishFailedException;
import com.cmobile.ecosystem.producers.PublishedEvent;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.RejectedEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EcosystemPublisherIT {

    static final Instant LONG_AGO = Instant.parse("2009-07-01T00:00:00Z");

    @BeforeAll
    static void eventTopics(EmbeddedKafka kafka) {
        kafka.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC);
    }

    static PublisherConfig config(EmbeddedKafka kafka) {
        return new PublisherConfig(kafka.bootstrapServers(), kafka.schemaRegistryUrl(), Map.of());
    }

    static PopCapacityEvent pop(String popId, long mbps) {
        return PopCapacityEvent.newBuilder().setEventId(UUID.randomUUID()).setPopId(popId)
                .setAction(PopAction.COMMISSIONED).setCity("Nairobi").setCountry("KE")
                .setBusinessLocation("CMobile International \u2014 Nairobi").setCapacityMbps(mbps)
                .setOccurredAt(LONG_AGO).setSource("publisher-it").build();
    }

    @Test
    void everyAcknowledgedEventIsInTheTopicExactlyOnceAtItsOffset(EmbeddedKafka kafka) {
        String prefix = kafka.uniqueName("it-pop");
        var acks = new ArrayList<CompletableFuture<PublishedEvent>>();
        try (var publisher = EcosystemPublisher.create(config(kafka))) {
            for (int i = 0; i < 10_000; i++) {
                acks.add(publisher.publish(pop(prefix + "-" + (i % 500), 100_000L + i)));
            }
        }
        List<PublishedEvent> acknowledged = acks.stream().map(CompletableFuture::join).toList();

        var records = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().startsWith(prefix + "-"), acknowledged.size(), Duration.ofSeconds(60));

        assertThat(records).hasSize(acknowledged.size());
        assertThat(records.stream().map(r -> r.value().getEventId()).collect(Collectors.toSet()))
                .isEqualTo(acknowledged.stream().map(PublishedEvent::eventId).collect(Collectors.toSet()));
        Set<String> ackedPositions = acknowledged.stream().map(a -> a.partition() + "@" + a.offset()).collect(Collectors.toSet());
        assertThat(records).allSatisfy(r -> assertThat(ackedPositions).contains(r.partition() + "@" + r.offset()));
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWerePublished(EmbeddedKafka kafka) {
        String popId = kafka.uniqueName("it-ordered");
        try (var publisher = EcosystemPublisher.create(config(kafka))) {
            for (int i = 1; i <= 2_000; i++) {
                publisher.publish(pop(popId, i * 1_000L));
            }
        }

        var records = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().equals(popId), 2_000, Duration.ofSeconds(60));

        assertThat(records).extracting(r -> r.value().getCapacityMbps()).isSorted().hasSize(2_000);
    }

    @Test
    void invalidEventsAreRefusedAndNeverReachTheTopic(EmbeddedKafka kafka) {
        String prefix = kafka.uniqueName("it-invalid");
        PopCapacityEvent invalid = pop(prefix + "-bad", 100_000);
        invalid.setCountry("QQ");
        CompletableFuture<PublishedEvent> refused;
        try (var publisher = EcosystemPublisher.create(config(kafka))) {
            refused = publisher.publish(invalid);
            publisher.publish(pop(prefix + "-good", 100_000)).join();
        }

        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((ok, error) -> error).join()).isInstanceOf(RejectedEventException.class);
        var records = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().startsWith(prefix), 1, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(prefix + "-good");
    }

    @Test
    void theRecordTimestampIsTheSendTimeWhileOccurredAtKeepsTheEventTime(EmbeddedKafka kafka) {
        String popId = kafka.uniqueName("it-time");
        Instant before = Instant.now();
        try (var publisher = EcosystemPublisher.create(config(kafka))) {
            publisher.publish(pop(popId, 100_000)).join();
        }

        var record = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().equals(popId), 1, Duration.ofSeconds(30)).get(0);

        assertThat(Instant.ofEpochMilli(record.timestamp())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(record.value().getOccurredAt()).isEqualTo(LONG_AGO);
    }

    @Test
    void partnerEventsAreKeyedByPartnerIdAndGetAnIdWhenTheyHaveNone(EmbeddedKafka kafka) {
        String partnerId = kafka.uniqueName("it-partner");
        var event = new PartnerOnboardingEvent();
        event.setPartnerId(partnerId);
        event.setPartnerName("Andes Mobile");
        event.setProgram(Program.ISTAR);
        event.setRole(PartnerRole.PARTNER);
        event.setAction(OnboardingAction.JOINED);
        event.setCountry("PE");
        event.setOccurredAt(LONG_AGO);
        event.setSource("publisher-it");
        PublishedEvent ack;
        try (var publisher = EcosystemPublisher.create(config(kafka))) {
            ack = publisher.publish(event).join();
        }

        var records = TopicReader.read(kafka, Topics.PARTNER_ONBOARDING, PartnerOnboardingEvent.class,
                r -> r.key().equals(partnerId), 1, Duration.ofSeconds(30));

        assertThat(records).singleElement().satisfies(r -> assertThat(r.value().getEventId()).isEqualTo(ack.eventId()));
    }

    @Test
    void anUnreachableRegistryFailsTheFutureWithContextRatherThanHanging(EmbeddedKafka kafka) {
        var config = new PublisherConfig(kafka.bootstrapServers(), "http://127.0.0.1:1", Map.of());
        try (var publisher = EcosystemPublisher.create(config)) {
            var future = publisher.publish(pop(kafka.uniqueName("it-noregistry"), 100_000));

            assertThat(future).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .withMessageContaining("pop-capacity");
            assertThat(future.handle((ok, error) -> error).join()).isInstanceOf(PublishFailedException.class);
        }
    }
}
