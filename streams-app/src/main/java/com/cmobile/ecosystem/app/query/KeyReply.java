package com.cmobile.ecosystem.app.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * Wire form of a key lookup between instances ({@code /internal/v1/stores/{store}/key}). Fields a
 * status does not use are absent from the JSON; {@link #toAnswer()} turns it back into the
 * {@link Answer} the answering instance computed, so a forwarded answer is exactly the local one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyReply(Status status, JsonNode value, Provenance provenance, Instance owner,
                       List<Instance> standbys, Integer partition, String message, Long retryAfterMillis) {

    /** Which {@link Answer} variant this is. */
    public enum Status { FOUND, ELSEWHERE, NOT_FOUND, UNAVAILABLE }

    public static KeyReply of(Answer<JsonNode> result) {
        if (result instanceof Answer.Found<JsonNode> f) {
            return new KeyReply(Status.FOUND, f.value(), f.provenance(), null, null, null, null, null);
        }
        if (result instanceof Answer.FoundElsewhere<JsonNode> e) {
            return new KeyReply(Status.ELSEWHERE, null, null, e.owner(), e.standbys(), e.partition(), null, null);
        }
        if (result instanceof Answer.NotFound<JsonNode> n) {
            return new KeyReply(Status.NOT_FOUND, null, null, null, null, null, n.message(), null);
        }
        Answer.Unavailable<JsonNode> u = (Answer.Unavailable<JsonNode>) result;
        return new KeyReply(Status.UNAVAILABLE, null, null, null, null, null, u.reason(), u.retryAfter().toMillis());
    }

    /**
     * @throws IllegalStateException naming the missing field when the reply is not well formed
     */
    public Answer<JsonNode> toAnswer() {
        if (status == null) {
            throw new IllegalStateException("key reply without status");
        }
        return switch (status) {
            case FOUND -> new Answer.Found<>(require(value, "value"), require(provenance, "provenance"));
            case ELSEWHERE -> new Answer.FoundElsewhere<>(require(owner, "owner"),
                    standbys == null ? List.of() : standbys, partition == null ? -1 : partition);
            case NOT_FOUND -> new Answer.NotFound<>(message == null ? "not found" : message);
            case UNAVAILABLE -> new Answer.Unavailable<>(message == null ? "unavailable" : message,
                    Duration.ofMillis(retryAfterMillis == null ? 1000 : retryAfterMillis));
        };
    }

    private <X> X require(X field, String name) {
        if (field == null) {
            throw new IllegalStateException("key reply with status " + status + " lacks '" + name + "'");
        }
        return field;
    }
}
