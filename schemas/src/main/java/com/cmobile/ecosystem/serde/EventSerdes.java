package com.cmobile.ecosystem.serde;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Configured value serdes for the two events, the one place producers and the streams application
 * get them from. Keys are plain strings ({@code Serdes.String()}).
 */
public final class EventSerdes {

    private EventSerdes() {
    }

    /**
     * @param config serde properties, at least {@code schema.registry.url}
     * @return a value serde for {@link PopCapacityEvent}, configured
     */
    public static SpecificAvroSerde<PopCapacityEvent> popCapacity(Map<String, ?> config) {
        return valueSerde(PopCapacityEvent.class, config);
    }

    /**
     * @param config serde properties, at least {@code schema.registry.url}
     * @return a value serde for {@link PartnerOnboardingEvent}, configured
     */
    public static SpecificAvroSerde<PartnerOnboardingEvent> partnerOnboarding(Map<String, ?> config) {
        return valueSerde(PartnerOnboardingEvent.class, config);
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> valueSerde(Class<T> type, Map<String, ?> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }
}
