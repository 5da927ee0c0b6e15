package com.cmobile.ecosystem.registry.server;

import static com.cmobile.ecosystem.registry.server.Schemas.POP_CAPACITY_AS_STRING;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V1;
import static com.cmobile.ecosystem.registry.server.Schemas.POP_V2_OPTIONAL_CITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.cmobile.ecosystem.registry.CompatibilityLevel;
import com.cmobile.ecosystem.registry.IncompatibleSchemaException;
import com.cmobile.ecosystem.registry.SchemaNotFoundException;
import com.cmobile.ecosystem.registry.SchemaRegistryClient;
import com.cmobile.ecosystem.registry.SchemaRegistryClients;
import com.cmobile.ecosystem.registry.SubjectNotFoundException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schemas module's REST client against our server: both sides of one contract. */
@ExtendWith(IsolatedRegistry.class)
class RestClientAgainstServerIT {

    private final SchemaRegistryClient client;

    RestClientAgainstServerIT(RegistryHttp registry) {
        client = SchemaRegistryClients.create(registry.baseUrl(), Map.of());
    }

    @AfterEach
    void closeClient() throws Exception {
        client.close();
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    @Test
    void registerFetchLatestAndLookupAgree() {
        String subject = "client-value";

        int v1 = client.register(subject, parse(POP_V1));
        int v2 = client.register(subject, parse(POP_V2_OPTIONAL_CITY));

        assertThat(client.schemaById(v1)).isEqualTo(parse(POP_V1));
        var latest = client.latest(subject);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.schema()).isEqualTo(parse(POP_V2_OPTIONAL_CITY));
        assertThat(client.lookup(subject, parse(POP_V1)).version()).isEqualTo(1);
        assertThat(client.isCompatible(subject, parse(POP_V2_OPTIONAL_CITY))).isTrue();
        assertThat(client.isCompatible(subject, parse(POP_CAPACITY_AS_STRING))).isFalse();
    }

    @Test
    void refusalsArriveAsTheClientsTypedExceptions() {
        String subject = "client-refusals-value";
        client.register(subject, parse(POP_V1));

        assertThatThrownBy(() -> client.register(subject, parse(POP_CAPACITY_AS_STRING)))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThatThrownBy(() -> client.latest("never-registered"))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> client.schemaById(999_999)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void compatibilityLevelsReadAndWriteThroughTheClient() {
        String subject = "client-config-value";

        assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.compatibility(subject)).isEmpty();
        client.setCompatibility(subject, CompatibilityLevel.FORWARD_TRANSITIVE);

        assertThat(client.compatibility(subject)).contains(CompatibilityLevel.FORWARD_TRANSITIVE);
    }
}
