package com.cmobile.ecosystem.app.topology.internal;

/**
 * Outcome of reading one input record: a valid event on its key's home partition, a valid event
 * on another partition (see {@link KeyPartitions}), or the original bytes bound for the DLQ.
 */
public sealed interface Parsed<T> {

    record Valid<T>(T event) implements Parsed<T> {
    }

    /** A valid event that must move to its key's home partition first; the original value bytes travel. */
    record Misplaced<T>(byte[] rawValue) implements Parsed<T> {
    }

    /** The original value bytes (possibly null); the DLQ headers are already on the record. */
    record Rejected<T>(byte[] rawValue) implements Parsed<T> {
    }
}
