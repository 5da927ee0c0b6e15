package com.cmobile.ecosystem.serde;

import static com.cmobile.ecosystem.testing.SampleEvents.pop;
import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.registry.MockSchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kafka Streams shares one serde instance between its stream threads. */
class ConcurrencyTest {

    private final String scope = "threads-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void oneSerdeServesSeveralThreadsAtOnce() throws Exception {
        var serde = EventSerdes.popCapacity(Map.of("schema.registry.url", "mock://" + scope));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                String popId = "pop-" + thread;
                results.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 2_000; i++) {
                        PopCapacityEvent event = pop().setPopId(popId).setCapacityMbps(i).build();
                        byte[] bytes = serde.serializer().serialize("pop-capacity", event);
                        if (serde.deserializer().deserialize("pop-capacity", bytes).equals(event)) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
