package com.cmobile.ecosystem.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyReplyTest {

    private final ObjectMapper mapper = ModelJson.newMapper();

    private Answer<JsonNode> roundTrip(Answer<JsonNode> result) throws Exception {
        String json = mapper.writeValueAsString(KeyReply.of(result));
        return mapper.readValue(json, KeyReply.class).toAnswer();
    }

    @Test
    void everyResultSurvivesTheWireUnchanged() throws Exception {
        List<Answer<JsonNode>> results = List.of(
                new Answer.Found<>(mapper.valueToTree(Map.of("country", "FR")), new Provenance("h:1", 2, false, 7)),
                new Answer.FoundElsewhere<>(new Instance("h", 2), List.of(new Instance("g", 3)), 1),
                new Answer.NotFound<>("no 'X' in store"),
                new Answer.Unavailable<>("restoring", Duration.ofMillis(1500)));

        for (Answer<JsonNode> result : results) {
            assertThat(roundTrip(result)).isEqualTo(result);
        }
    }
}
