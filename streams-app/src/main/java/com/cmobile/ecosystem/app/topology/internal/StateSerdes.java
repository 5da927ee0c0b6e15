package com.cmobile.ecosystem.app.topology.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;

import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.PopState;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes for the state and history stores every event reads and writes
 * ({@code pop-state-store}, {@code membership-state-store}, {@code pop-history-store},
 * {@code membership-history-store}). JSON cost a third of the stream
 * thread in the pipeline benchmark's profile (mostly parsing ISO instants); these write fields in
 * a fixed order after a format byte, times as epoch seconds and nanoseconds, enums by name so
 * reordering constants cannot corrupt the changelog.
 *
 * <p>Format 1. A new field means format 2, and the reader keeps reading format 1.
 */
public final class StateSerdes {

    private static final byte FORMAT = 1;

    private StateSerdes() {
    }

    public static Serde<PopState> popState() {
        return serde("PopState", StateSerdes::writePop, StateSerdes::readPop);
    }

    public static Serde<PartnerMemberships> partnerMemberships() {
        return serde("PartnerMemberships", StateSerdes::writePartner, StateSerdes::readPartner);
    }

    /** One membership: the versions of {@code membership-history-store}. */
    public static Serde<MembershipState> membershipState() {
        return serde("MembershipState", StateSerdes::writeMembership, StateSerdes::readMembership);
    }

    private static void writePop(PopState pop, DataOutputStream out) throws IOException {
        out.writeUTF(pop.popId());
        out.writeBoolean(pop.active());
        out.writeUTF(pop.city());
        out.writeUTF(pop.country());
        out.writeUTF(pop.businessLocation());
        out.writeLong(pop.capacityMbps());
        writeInstant(pop.occurredAt(), out);
        out.writeUTF(pop.eventId());
    }

    private static PopState readPop(DataInputStream in) throws IOException {
        return new PopState(in.readUTF(), in.readBoolean(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(),
                readInstant(in), in.readUTF());
    }

    private static void writePartner(PartnerMemberships partner, DataOutputStream out) throws IOException {
        out.writeUTF(partner.partnerId());
        out.writeShort(partner.memberships().size());
        for (MembershipState m : partner.memberships().values()) {
            writeMembership(m, out);
        }
    }

    private static PartnerMemberships readPartner(DataInputStream in) throws IOException {
        var partnerId = in.readUTF();
        int count = in.readShort();
        var memberships = new EnumMap<Program, MembershipState>(Program.class);
        for (int i = 0; i < count; i++) {
            var state = readMembership(in);
            memberships.put(state.program(), state);
        }
        return new PartnerMemberships(partnerId, memberships);
    }

    private static void writeMembership(MembershipState m, DataOutputStream out) throws IOException {
        out.writeUTF(m.program().name());
        out.writeBoolean(m.active());
        out.writeUTF(m.role().name());
        out.writeUTF(m.partnerName());
        out.writeUTF(m.country());
        out.writeLong(m.subscribers());
        writeInstant(m.occurredAt(), out);
        out.writeUTF(m.eventId());
    }

    private static MembershipState readMembership(DataInputStream in) throws IOException {
        return new MembershipState(Program.valueOf(in.readUTF()), in.readBoolean(), PartnerRole.valueOf(in.readUTF()),
                in.readUTF(), in.readUTF(), in.readLong(), readInstant(in), in.readUTF());
    }

    private static void writeInstant(Instant instant, DataOutputStream out) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(String type, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            var bytes = new ByteArrayOutputStream(96);
            try (var out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
                int format = in.readByte();
                if (format != FORMAT) {
                    throw new SerializationException(cannotRead(type, topic,
                            "unknown format " + format + " (this version reads format " + FORMAT + ")"));
                }
                T value = reader.read(in);
                if (in.available() > 0) {
                    throw new SerializationException(cannotRead(type, topic,
                            in.available() + " bytes left after the value"));
                }
                return value;
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException(cannotRead(type, topic, e.getMessage()), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static String cannotRead(String type, String topic, String why) {
        return "Cannot read " + type + (topic == null ? "" : " of " + topic) + ": " + why;
    }
}
