package com.cmobile.ecosystem.app.topology.internal;

import java.util.Optional;

import com.cmobile.ecosystem.app.topology.model.PopState;

/**
 * What one accepted PoP event changed in the aggregates: the active state before and after
 * (empty when the PoP was not active). Added to the task's sums only when they differ.
 */
public record PopChange(Optional<PopState> before, Optional<PopState> after) {
}
