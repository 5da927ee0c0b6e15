package com.cmobile.ecosystem.app.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.PopState;

/**
 * Every state one PoP has had: its entries of {@code pop-history-store}, one per distinct
 * occurredAt of its valid events (the later arrival of a tie), in time order.
 *
 * @param popId    the PoP
 * @param versions its states by occurredAt, oldest first; an ended one has {@code active = false}
 */
public record PopHistory(String popId, List<PopState> versions) {

    public PopHistory {
        Objects.requireNonNull(popId, "popId");
        versions = List.copyOf(versions);
    }

    /** Its state as of {@code at}: empty when it had no event yet (it did not exist). */
    public Optional<PopState> asOf(Instant at) {
        return Versions.asOf(versions, at, PopState::occurredAt);
    }

    /** Time of its first event; empty for no history. */
    public Optional<Instant> firstEvent() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).occurredAt());
    }
}
