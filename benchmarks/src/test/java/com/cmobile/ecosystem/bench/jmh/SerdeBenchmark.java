package com.cmobile.ecosystem.bench.jmh;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.serde.EventSerdes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the wire format (magic byte, schema id, registry lookups cached) costs over Avro's plain
 * {@link SpecificDatumWriter} / {@link SpecificDatumReader}: for each event, the project's
 * serializer and deserializer against the plain writer and reader, both reusing their encoder or
 * decoder and output buffer the way a tight loop would, both ending with a {@code byte[]} or a new
 * event. The registry is the in-memory {@code mock://} one: after the first call both sides do
 * only local work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
// The plain-Avro baseline reads with Avro's own SpecificDatumReader, which refuses our generated
// classes unless their package is trusted; the project's serdes need no such setting.
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.cmobile.ecosystem.events")
public class SerdeBenchmark {

    private PopCapacityEvent pop;
    private PartnerOnboardingEvent partner;

    private Serializer<PopCapacityEvent> popSerializer;
    private Deserializer<PopCapacityEvent> popDeserializer;
    private Serializer<PartnerOnboardingEvent> partnerSerializer;
    private Deserializer<PartnerOnboardingEvent> partnerDeserializer;

    private final SpecificDatumWriter<PopCapacityEvent> popWriter = new SpecificDatumWriter<>(PopCapacityEvent.class);
    private final SpecificDatumReader<PopCapacityEvent> popReader = new SpecificDatumReader<>(PopCapacityEvent.class);
    private final SpecificDatumWriter<PartnerOnboardingEvent> partnerWriter =
            new SpecificDatumWriter<>(PartnerOnboardingEvent.class);
    private final SpecificDatumReader<PartnerOnboardingEvent> partnerReader =
            new SpecificDatumReader<>(PartnerOnboardingEvent.class);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private byte[] popFramed;
    private byte[] popPlain;
    private byte[] partnerFramed;
    private byte[] partnerPlain;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Map<String, Object> config = Map.of("schema.registry.url", "mock://serde-benchmark");
        popSerializer = EventSerdes.popCapacity(config).serializer();
        popDeserializer = EventSerdes.popCapacity(config).deserializer();
        partnerSerializer = EventSerdes.partnerOnboarding(config).serializer();
        partnerDeserializer = EventSerdes.partnerOnboarding(config).deserializer();
        pop = PopCapacityEvent.newBuilder()
                .setEventId(UUID.fromString("5d0d6c9e-4f0a-4c5e-9d55-0e2a4b7c1f10"))
                .setPopId("load-pop-04217").setAction(PopAction.CAPACITY_CHANGED)
                .setCity("Frankfurt am Main").setCountry("DE").setBusinessLocation("CMI Frankfurt Office")
                .setCapacityMbps(400_000).setOccurredAt(Instant.parse("2026-11-26T03:15:42.123Z"))
                .setSource("load-simulator").build();
        partner = PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.fromString("9b2f1e47-3c8d-4a61-8f0e-7d5c2b1a9e33"))
                .setPartnerId("load-partner-13377").setPartnerName("Nairobi Load Telecom 13377")
                .setProgram(Program.HAND_IN_HAND).setRole(PartnerRole.MEMBER).setAction(OnboardingAction.JOINED)
                .setCountry("KE").setSubscribers(120_000_000L)
                .setOccurredAt(Instant.parse("2026-11-26T03:15:42.456Z")).setSource("load-simulator").build();
        popFramed = popSerializer.serialize(Topics.POP_CAPACITY, pop);
        partnerFramed = partnerSerializer.serialize(Topics.PARTNER_ONBOARDING, partner);
        popPlain = plainPop();
        partnerPlain = plainPartner();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        popSerializer.close();
        popDeserializer.close();
        partnerSerializer.close();
        partnerDeserializer.close();
    }

    // ---- serialize ---------------------------------------------------------------------------

    @Benchmark
    public byte[] popSerializeProject() {
        return popSerializer.serialize(Topics.POP_CAPACITY, pop);
    }

    @Benchmark
    public byte[] popSerializePlain() throws IOException {
        return plainPop();
    }

    @Benchmark
    public byte[] partnerSerializeProject() {
        return partnerSerializer.serialize(Topics.PARTNER_ONBOARDING, partner);
    }

    @Benchmark
    public byte[] partnerSerializePlain() throws IOException {
        return plainPartner();
    }

    // ---- deserialize -------------------------------------------------------------------------

    @Benchmark
    public PopCapacityEvent popDeserializeProject() {
        return popDeserializer.deserialize(Topics.POP_CAPACITY, popFramed);
    }

    @Benchmark
    public PopCapacityEvent popDeserializePlain() throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(popPlain, decoder);
        return popReader.read(null, decoder);
    }

    @Benchmark
    public PartnerOnboardingEvent partnerDeserializeProject() {
        return partnerDeserializer.deserialize(Topics.PARTNER_ONBOARDING, partnerFramed);
    }

    @Benchmark
    public PartnerOnboardingEvent partnerDeserializePlain() throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(partnerPlain, decoder);
        return partnerReader.read(null, decoder);
    }

    private byte[] plainPop() throws IOException {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        popWriter.write(pop, encoder);
        encoder.flush();
        return buffer.toByteArray();
    }

    private byte[] plainPartner() throws IOException {
        buffer.reset();
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        partnerWriter.write(partner, encoder);
        encoder.flush();
        return buffer.toByteArray();
    }
}
