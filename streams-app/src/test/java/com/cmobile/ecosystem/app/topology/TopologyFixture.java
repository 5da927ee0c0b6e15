package com.cmobile.ecosystem.app.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.cmobile.ecosystem.app.config.AppConfig;
import com.cmobile.ecosystem.app.config.StreamsProperties;
import com.cmobile.ecosystem.app.query.AllianceRollUp;
import com.cmobile.ecosystem.app.query.CapacityRollUp;
import com.cmobile.ecosystem.app.topology.model.CityCapacity;
import com.cmobile.ecosystem.app.topology.model.CountryCapacity;
import com.cmobile.ecosystem.app.topology.model.GlobalCapacity;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.RegionCapacity;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.serde.EventSerdes;
import com.cmobile.ecosystem.validation.EventValidator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a {@link TopologyTestDriver}, with an in-memory schema registry
 * of its own, a fixed validation clock, and helpers to send events and read stores and DLQs.
 */
final class TopologyFixture implements AutoCloseable {

    /** "Now" for the validator: events must not be dated after this plus five minutes. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Longer than any commit interval the fixture configures. */
    private static final Duration FLUSH = Duration.ofSeconds(1);
    /**
     * The driver reads every record from partition 0; with six partitions configured, the keys whose
     * home is another partition take the hop through the by-key repartition topic, the others do not,
     * so every test crosses both paths.
     */
    static final int INPUT_PARTITIONS = 6;

    final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final TopologyTestDriver driver;
    private final Serializer<PopCapacityEvent> popSerializer;
    private final Serializer<PartnerOnboardingEvent> partnerSerializer;
    private final TestInputTopic<byte[], byte[]> popInput;
    private final TestInputTopic<byte[], byte[]> partnerInput;
    private final TestOutputTopic<byte[], byte[]> popDlq;
    private final TestOutputTopic<byte[], byte[]> partnerDlq;

    private final Path stateDir;

    /** In-memory stores: the same topology, fast enough to run hundreds of drivers. */
    TopologyFixture() {
        this(TopologySettings.StoreType.IN_MEMORY);
    }

    TopologyFixture(TopologySettings.StoreType storeType) {
        this(storeType, Optional.empty());
    }

    /**
     * A topology whose schema registry is at {@code registryUrl} (e.g. one that cannot be reached),
     * while the test still serializes its events with an in-memory registry.
     */
    static TopologyFixture withTopologyRegistry(String registryUrl) {
        return new TopologyFixture(TopologySettings.StoreType.IN_MEMORY, Optional.of(registryUrl));
    }

    private TopologyFixture(TopologySettings.StoreType storeType, Optional<String> topologyRegistryUrl) {
        var scope = "topology-test-" + UUID.randomUUID();
        try {
            stateDir = Files.createTempDirectory("kafka-streams-" + scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var config = AppConfig.from(Map.of(
                "APPLICATION_ID", "ecosystem-test",
                "BOOTSTRAP_SERVERS", "unused:9092",
                "SCHEMA_REGISTRY_URL", "mock://" + scope,
                "STATE_DIR", stateDir.toString()));
        DeadLetterListener listener = (topic, reason) -> deadLettered.add(topic + ":" + reason);
        var validator = new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
        var settings = StreamsProperties.topologySettings(config, INPUT_PARTITIONS, INPUT_PARTITIONS)
                .withStoreType(storeType);
        var topologySettings = topologyRegistryUrl
                .map(url -> new TopologySettings(Map.of("schema.registry.url", url, "http.connect.timeout.ms", "500",
                        "http.read.timeout.ms", "500"), settings.popCapacityTopic(),
                        settings.partnerOnboardingTopic(), settings.popCapacityDlqTopic(),
                        settings.partnerOnboardingDlqTopic(), storeType, INPUT_PARTITIONS, INPUT_PARTITIONS))
                .orElse(settings);
        var topology = new EcosystemTopology(topologySettings, validator, listener).build();
        Properties props = StreamsProperties.of(config, listener, topology);
        driver = new TopologyTestDriver(topology, props, NOW);
        Map<String, Object> serdeConfig = Map.copyOf(StreamsProperties.serdeConfig(config));
        popSerializer = EventSerdes.popCapacity(serdeConfig).serializer();
        partnerSerializer = EventSerdes.partnerOnboarding(serdeConfig).serializer();
        var bytes = new ByteArraySerializer();
        popInput = driver.createInputTopic(Topics.POP_CAPACITY, bytes, bytes);
        partnerInput = driver.createInputTopic(Topics.PARTNER_ONBOARDING, bytes, bytes);
        var read = new ByteArrayDeserializer();
        popDlq = driver.createOutputTopic(Topics.POP_CAPACITY_DLQ, read, read);
        partnerDlq = driver.createOutputTopic(Topics.PARTNER_ONBOARDING_DLQ, read, read);
    }

    /** Sends a PoP event keyed by its popId, with a record timestamp unrelated to its event time. */
    void send(PopCapacityEvent event) {
        sendPop(utf8(event.getPopId()), popBytes(event));
    }

    void send(PartnerOnboardingEvent event) {
        sendPartner(utf8(event.getPartnerId()), partnerBytes(event));
    }

    void sendPop(byte[] key, byte[] value) {
        sendPop(key, value, new RecordHeaders());
    }

    void sendPop(byte[] key, byte[] value, Headers headers) {
        popInput.pipeInput(new TestRecord<>(key, value, headers, NOW));
    }

    void sendPartner(byte[] key, byte[] value) {
        partnerInput.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), NOW));
    }

    byte[] popBytes(PopCapacityEvent event) {
        return popSerializer.serialize(Topics.POP_CAPACITY, event);
    }

    byte[] partnerBytes(PartnerOnboardingEvent event) {
        return partnerSerializer.serialize(Topics.PARTNER_ONBOARDING, event);
    }

    /**
     * Lets wall-clock time pass so the state processors send their partial sums (they do once
     * per commit interval); the reads below do it first.
     */
    void flush() {
        driver.advanceWallClockTime(FLUSH);
    }

    /** Current value under {@code key}, if any (after a {@link #flush()}). */
    <V> Optional<V> get(String store, String key) {
        flush();
        KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
        return Optional.ofNullable(kv.get(key));
    }

    /** Every entry of a store, sorted by key (after a {@link #flush()}). */
    <V> Map<String, V> all(String store) {
        flush();
        KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
        var entries = new TreeMap<String, V>();
        try (var iterator = kv.all()) {
            iterator.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        return entries;
    }

    // The aggregates above the first level, added up by the query layer's roll-ups from the first-level
    // stores, keyed as the API lists them; a group without an active PoP or membership is absent.

    Map<String, CountryCapacity> countries() {
        return capacity().countries();
    }

    Optional<CountryCapacity> country(String country) {
        return Optional.ofNullable(countries().get(country));
    }

    Map<String, RegionCapacity> regions() {
        return capacity().regions();
    }

    Optional<RegionCapacity> region(String region) {
        return Optional.ofNullable(regions().get(region));
    }

    /** {@code global} → the world's figures; empty when no PoP is active. */
    Map<String, GlobalCapacity> global() {
        var global = capacity().global();
        return global.equals(GlobalCapacity.EMPTY) ? Map.of() : Map.of(StoreKeys.GLOBAL, global);
    }

    Optional<GlobalCapacity> globalCapacity() {
        return Optional.ofNullable(global().get(StoreKeys.GLOBAL));
    }

    /** Program name → its figures, for the programs with an active membership. */
    Map<String, ProgramAlliance> programs() {
        var rollUp = AllianceRollUp.of(this.<ProgramCountryAlliance>all(StoreNames.PROGRAM_COUNTRY_ALLIANCE).values());
        var programs = new TreeMap<String, ProgramAlliance>();
        for (Program program : Program.values()) {
            var figures = rollUp.program(program);
            if (figures.countries() > 0) {
                programs.put(program.name(), figures);
            }
        }
        return programs;
    }

    Optional<ProgramAlliance> program(String program) {
        return Optional.ofNullable(programs().get(program));
    }

    /** {@code PROGRAM|REGION} → figures, for every program. */
    Map<String, ProgramRegionAlliance> programRegions() {
        var rollUp = AllianceRollUp.of(this.<ProgramCountryAlliance>all(StoreNames.PROGRAM_COUNTRY_ALLIANCE).values());
        var regions = new TreeMap<String, ProgramRegionAlliance>();
        for (Program program : Program.values()) {
            regions.putAll(rollUp.regions(program));
        }
        return regions;
    }

    private CapacityRollUp capacity() {
        return CapacityRollUp.of(this.<CityCapacity>all(StoreNames.CITY_CAPACITY).values(),
                all(StoreNames.BUSINESS_LOCATION_CAPACITY).size());
    }

    /** The keys of the PoP events that took the hop to their home partition, in order. */
    List<String> movedPopIds() {
        var read = new ByteArrayDeserializer();
        return driver.createOutputTopic("ecosystem-test-pop-capacity-by-pop-id-repartition", read, read)
                .readRecordsToList().stream().map(record -> new String(record.key(), StandardCharsets.UTF_8)).toList();
    }

    List<TestRecord<byte[], byte[]>> popDeadLetters() {
        return popDlq.readRecordsToList();
    }

    List<TestRecord<byte[], byte[]>> partnerDeadLetters() {
        return partnerDlq.readRecordsToList();
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + stateDir, e);
        }
    }
}
