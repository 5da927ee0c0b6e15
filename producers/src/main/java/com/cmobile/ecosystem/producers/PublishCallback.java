package com.cmobile.ecosystem.producers;

/**
 * Told once what became of one event sent with {@code EcosystemPublisher.publish(event, callback)}:
 * the lighter alternative to a future per event, for publishing many events in bulk.
 *
 * <p>Called on the producer's I/O thread for a sent event (keep it short, never block), or on the
 * calling thread before {@code publish} returns for an event that was never sent (invalid, or not
 * serializable).
 */
@FunctionalInterface
public interface PublishCallback {

    /**
     * @param failure null when the event is acknowledged (on every in-sync replica); otherwise a
     *                {@link RejectedEventException} (invalid, never sent) or a
     *                {@link PublishFailedException} (Kafka or the registry did not take it)
     */
    void onCompletion(RuntimeException failure);
}
