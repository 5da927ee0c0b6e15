package com.cmobile.ecosystem.app.query;

import java.util.Comparator;
import java.util.Objects;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One application instance as other instances reach it: the host and port of its
 * {@code application.server}, which is also its HTTP address.
 */
public record Instance(String host, int port) implements Comparable<Instance> {

    private static final Comparator<Instance> ORDER =
            Comparator.comparing(Instance::host).thenComparingInt(Instance::port);

    public Instance {
        Objects.requireNonNull(host, "host");
    }

    public static Instance of(HostInfo hostInfo) {
        return new Instance(hostInfo.host(), hostInfo.port());
    }

    /** True for Kafka Streams' placeholder host used while no instance owns a partition. */
    public boolean isUnknown() {
        return port < 0 || "unavailable".equals(host);
    }

    @Override
    public int compareTo(Instance other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
