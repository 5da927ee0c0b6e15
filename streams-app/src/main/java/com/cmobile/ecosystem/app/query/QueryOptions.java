package com.cmobile.ecosystem.app.query;

/**
 * What a caller tolerates.
 *
 * @param stale   accept answers from a standby replica or a restoring store (reported with its lag)
 * @param partial accept a fanned-out answer with some partitions missing (named in the answer)
 */
public record QueryOptions(boolean stale, boolean partial) {

    public static final QueryOptions STRICT = new QueryOptions(false, false);
}
