package com.cmobile.ecosystem.producers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.testkit.EmbeddedKafka;
import com.cmobile.ecosystem.testkit.EmbeddedKafkaExtension;
import com.cmobile.ecosystem.producers.cli.ProducersCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code producers.jar publish ...} run in-process against the embedded broker and registry. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProducersCliIT {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void eventTopics(EmbeddedKafka kafka) {
        kafka.provisionEventTopics(Topics.DLQ_BY_EVENT_TOPIC);
    }

    static Run cli(EmbeddedKafka kafka, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", kafka.schemaRegistryUrl()));
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static String popLine(String popId) {
        return "{\"popId\":\"" + popId + "\",\"action\":\"COMMISSIONED\",\"city\":\"Lima\",\"country\":\"PE\","
                + "\"businessLocation\":\"CMobile International \u2014 Lima\",\"capacityMbps\":200000,"
                + "\"occurredAt\":\"2016-02-03T04:05:06Z\"}";
    }

    @Test
    void aFileMixingGoodAndBadLinesPublishesTheGoodOnesReportsTheBadOnesAndExitsTwo(EmbeddedKafka kafka) throws IOException {
        String prefix = kafka.uniqueName("cli-pop");
        Path file = Files.writeString(dir.resolve("pops.jsonl"), String.join("\n",
                popLine(prefix + "-1"),
                "{\"popId\": oops",
                popLine(prefix + "-2").replace("\"PE\"", "\"XX\""),
                popLine(prefix + "-3"),
                popLine(prefix + "-4").replace("200000", "-7"),
                popLine(prefix + "-5")) + "\n");

        Run run = cli(kafka, "publish", "pops", file.toString());

        assertThat(run.exitCode()).isEqualTo(ProducersCli.SOME_REJECTED);
        assertThat(run.err().lines().toList()).hasSize(3).satisfiesExactly(
                line -> assertThat(line).startsWith("line 2: malformed JSON"),
                line -> assertThat(line).startsWith("line 3: ").contains("XX"),
                line -> assertThat(line).startsWith("line 5: ").contains("capacityMbps"));
        assertThat(run.out()).contains("read 6", "published 3", "rejected 3");
        var published = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().startsWith(prefix + "-"), 3, Duration.ofSeconds(30));
        assertThat(published).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(prefix + "-1", prefix + "-3", prefix + "-5");
    }

    @Test
    void aCleanCsvFileOfPartnersIsPublishedWholeAndExitsZero(EmbeddedKafka kafka) throws IOException {
        String prefix = kafka.uniqueName("cli-partner");
        Path file = Files.writeString(dir.resolve("partners.csv"),
                "partnerId,partnerName,program,role,action,country,subscribers,occurredAt\n"
                        + prefix + "-1,Nile Telecom,GTI,MEMBER,JOINED,EG,90000000,2014-01-01T00:00:00Z\n"
                        + prefix + "-2,\"Andes Mobile, S.A.\",ISTAR,PARTNER,JOINED,PE,,1388534400000\n");

        Run run = cli(kafka, "publish", "partners", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        var published = TopicReader.read(kafka, Topics.PARTNER_ONBOARDING, PartnerOnboardingEvent.class,
                r -> r.key().startsWith(prefix + "-"), 2, Duration.ofSeconds(30));
        assertThat(published).extracting(r -> r.value().getPartnerName())
                .containsExactlyInAnyOrder("Nile Telecom", "Andes Mobile, S.A.");
    }

    @Test
    void publishingTheSameFileTwiceRepublishesTheSameEventIds(EmbeddedKafka kafka) throws IOException {
        String popId = kafka.uniqueName("cli-rerun");
        Path file = Files.writeString(dir.resolve("again.jsonl"), popLine(popId) + "\n");

        cli(kafka, "publish", "pops", file.toString());
        cli(kafka, "publish", "pops", file.toString());

        var published = TopicReader.read(kafka, Topics.POP_CAPACITY, PopCapacityEvent.class,
                r -> r.key().equals(popId), 2, Duration.ofSeconds(30));
        assertThat(published).hasSize(2);
        assertThat(published.get(0).value().getEventId()).isEqualTo(published.get(1).value().getEventId());
    }

    @Test
    void aclsApplyOnABrokerWithoutAnAuthorizerSaysSoAndExitsOne(EmbeddedKafka kafka) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("acls", "apply", "--bootstrap-servers", kafka.bootstrapServers(),
                "--partner-principal", "User:partner-demo", "--timeout", "20s");

        assertThat(code).isEqualTo(ProducersCli.FATAL);
        assertThat(err.toString()).contains("could not create ACL ALLOW User:partner-demo WRITE TOPIC pop-capacity")
                .containsIgnoringCase("authorizer");
    }
}
