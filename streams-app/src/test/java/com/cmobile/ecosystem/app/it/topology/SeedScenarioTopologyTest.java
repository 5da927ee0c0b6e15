package com.cmobile.ecosystem.app.it.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.config.StreamsProperties;
import com.cmobile.ecosystem.app.topology.DeadLetterListener;
import com.cmobile.ecosystem.app.topology.EcosystemTopology;
import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.query.AllianceRollUp;
import com.cmobile.ecosystem.app.query.CapacityRollUp;
import com.cmobile.ecosystem.app.query.CapacitySnapshot;
import com.cmobile.ecosystem.app.query.PopHistory;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.simulator.SeedScenario;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.validation.EventValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seed scenario alone, through the production topology, yields the announcement's figures in
 * the stores the HTTP API serves. Events go in as the publisher sends them: pops then partners, in
 * the scenario's (interleaved, backfill-like) order, record timestamps at send time.
 *
 * <p>The seed is piped in once for the class (it takes the driver a while); the re-publication test
 * leaves every figure as it was, so the tests hold in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedScenarioTopologyTest {

    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, PopCapacityEvent> pops;
    private TestInputTopic<String, PartnerOnboardingEvent> partners;

    @BeforeAll
    void startTopologyAndPublishTheSeed() throws IOException {
        String scope = "seed-topology-" + UUID.randomUUID();
        stateDir = Files.createTempDirectory(scope);
        var config = AppConfig.from(Map.of(
                "APPLICATION_ID", "seed-scenario-test",
                "BOOTSTRAP_SERVERS", "unused:9092",
                "SCHEMA_REGISTRY_URL", "mock://" + scope,
                "STATE_DIR", stateDir.toString()));
        DeadLetterListener listener = (topic, reason) -> deadLettered.add(topic + ": " + reason);
        var topology = new EcosystemTopology(StreamsProperties.topologySettings(config, 1, 1), EventValidator.withDefaults(),
                listener).build();
        Properties props = StreamsProperties.of(config, listener, topology);
        driver = new TopologyTestDriver(topology, props, Instant.now());
        Map<String, Object> serdeConfig = Map.copyOf(StreamsProperties.serdeConfig(config));
        Serializer<PopCapacityEvent> popValues = EventSerdes.popCapacity(serdeConfig).serializer();
        Serializer<PartnerOnboardingEvent> partnerValues = EventSerdes.partnerOnboarding(serdeConfig).serializer();
        pops = driver.createInputTopic(Topics.POP_CAPACITY, new StringSerializer(), popValues);
        partners = driver.createInputTopic(Topics.PARTNER_ONBOARDING, new StringSerializer(), partnerValues);
        publish(SeedScenario.generate());
    }

    @AfterAll
    void stopTopology() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stateDir, e);
        }
    }

    private void publish(SeedScenario scenario) {
        for (PopCapacityEvent event : scenario.popEvents()) {
            pops.pipeInput(event.getPopId(), event, Instant.now());
        }
        for (PartnerOnboardingEvent event : scenario.partnerEvents()) {
            partners.pipeInput(event.getPartnerId(), event, Instant.now());
        }
        // The state processors send their partial sums once per commit interval of wall-clock time.
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private <V> List<V> all(String store) {
        KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
        var values = new ArrayList<V>();
        try (var iterator = kv.all()) {
            iterator.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    /** The world's figures as the query layer adds them up from the first-level stores. */
    private GlobalCapacity global() {
        return CapacityRollUp.of(this.<CityCapacity>all(StoreNames.CITY_CAPACITY),
                all(StoreNames.BUSINESS_LOCATION_CAPACITY).size()).global();
    }

    private ProgramAlliance program(String name) {
        return AllianceRollUp.of(this.<ProgramCountryAlliance>all(StoreNames.PROGRAM_COUNTRY_ALLIANCE))
                .program(Program.valueOf(name));
    }

    @Test
    void theSeedYields360PopsIn284CitiesOperatedBy40BusinessLocationsWith310Tbps() {
        GlobalCapacity global = global();
        assertThat(global.activePops()).isEqualTo(360);
        assertThat(global.cities()).isEqualTo(284);
        assertThat(global.businessLocations()).isEqualTo(40);
        assertThat(global.capacityMbps()).isEqualTo(310_000_000L);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void theSeedYieldsTheProgramFigures() {
        assertThat(program("HAND_IN_HAND").members()).isEqualTo(29);
        assertThat(program("HAND_IN_HAND").subscribers()).isGreaterThan(3_000_000_000L)
                .isEqualTo(SeedScenario.HAND_IN_HAND_SUBSCRIBERS);
        assertThat(program("ISTAR").partners()).isEqualTo(500);
        assertThat(program("GTI").members()).isEqualTo(147);
        assertThat(program("GTI").partners()).isEqualTo(242);
        assertThat(program("ECOSYSTEM_ALLIANCE").members()).isEqualTo(SeedScenario.ECOSYSTEM_ALLIANCE_FOUNDING_MEMBERS);
        assertThat(deadLettered).isEmpty();
    }

    /** The capacity as of {@code at}, from the PoPs' histories as the as-of routes compute it. */
    private GlobalCapacity globalAsOf(Instant at) {
        KeyValueStore<String, PopState> versions = driver.getKeyValueStore(StoreNames.POP_HISTORY);
        var byPop = new HashMap<String, List<PopState>>();
        try (var all = versions.all()) {
            all.forEachRemaining(entry -> byPop.computeIfAbsent(StoreKeys.idOfVersion(entry.key), id -> new ArrayList<>())
                    .add(entry.value));
        }
        var states = new ArrayList<PopState>();
        byPop.forEach((popId, history) -> new PopHistory(popId, history).asOf(at).ifPresent(states::add));
        return CapacitySnapshot.of(states).global();
    }

    @Test
    void theHistoriesGiveTheSeedsFiguresNowAndSmallerOnesEarlier() {
        Instant farFuture = Instant.parse("2100-01-01T00:00:00Z");
        assertThat(globalAsOf(farFuture)).isEqualTo(global());

        GlobalCapacity end2010 = globalAsOf(Instant.parse("2010-12-31T23:59:59.999999999Z"));
        GlobalCapacity end2005 = globalAsOf(Instant.parse("2005-12-31T23:59:59.999999999Z"));
        assertThat(end2010.activePops()).isPositive().isLessThan(global().activePops());
        assertThat(end2010.capacityMbps()).isLessThan(global().capacityMbps());
        assertThat(end2005).isEqualTo(GlobalCapacity.EMPTY);
    }

    @Test
    void publishingTheSeedAgainChangesNoFigure() {
        GlobalCapacity once = global();
        List<ProgramAlliance> programsOnce = List.of(program("HAND_IN_HAND"), program("ISTAR"), program("GTI"),
                program("ECOSYSTEM_ALLIANCE"));

        publish(SeedScenario.generate());

        assertThat(global()).isEqualTo(once);
        assertThat(List.of(program("HAND_IN_HAND"), program("ISTAR"), program("GTI"), program("ECOSYSTEM_ALLIANCE")))
                .isEqualTo(programsOnce);
    }
}
