package com.cmobile.ecosystem.app.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Outcome of an interactive query, in the shape of Quarkus' kafka-streams quickstart: found here,
 * found on another instance, not found, plus the case that quickstart spins on: the data exists
 * but cannot be read right now (partition migrating or restoring), which callers turn into
 * {@code 503 Retry-After} instead of waiting. {@code http/} maps them to 200, 404 and 503; a
 * {@link FoundElsewhere} is forwarded by {@link ClusterQueries} before it gets there. Not called
 * {@code QueryResult}, which would shadow Kafka's {@code org.apache.kafka.streams.query.QueryResult}.
 *
 * @param <T> the answered value
 */
public sealed interface Answer<T> {

    /** The value, and where it was read. */
    record Found<T>(T value, Provenance provenance) implements Answer<T> {
        public Found {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(provenance, "provenance");
        }
    }

    /**
     * The key lives on another instance: its active owner and, for stale-tolerant queries, the
     * standbys that may answer in its place.
     */
    record FoundElsewhere<T>(Instance owner, List<Instance> standbys, int partition) implements Answer<T> {
        public FoundElsewhere {
            Objects.requireNonNull(owner, "owner");
            standbys = List.copyOf(standbys);
        }
    }

    /** The owner answered: there is no such key. */
    record NotFound<T>(String message) implements Answer<T> {
        public NotFound {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The answer cannot be given now; asking again after {@code retryAfter} may succeed. */
    record Unavailable<T>(String reason, Duration retryAfter) implements Answer<T> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Transforms a found value, keeping every other outcome as it is. */
    @SuppressWarnings("unchecked")
    default <U> Answer<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Found<T> found) {
            return new Found<>(mapper.apply(found.value()), found.provenance());
        }
        // The other variants carry no T, so the cast is safe.
        return (Answer<U>) this;
    }

    /** Chains a query that itself may fail, keeping the first failure. */
    @SuppressWarnings("unchecked")
    default <U> Answer<U> flatMap(Function<? super T, Answer<U>> next) {
        if (this instanceof Found<T> found) {
            return next.apply(found.value());
        }
        return (Answer<U>) this;
    }

    /** Turns a found value that fails {@code keep} into {@link NotFound}, explained by {@code whyNot}. */
    default Answer<T> filter(Predicate<? super T> keep, Function<? super T, String> whyNot) {
        if (this instanceof Found<T> found && !keep.test(found.value())) {
            return new NotFound<>(whyNot.apply(found.value()));
        }
        return this;
    }

    /**
     * Turns {@link NotFound} into {@code empty}, for a store that has no entry until something
     * happened (zero totals): the answer is then true everywhere, so it claims no instance or partition.
     */
    default Answer<T> orEmpty(T empty) {
        return this instanceof NotFound<T> ? new Found<>(empty, new Provenance("", -1, true, 0)) : this;
    }

    /** Says what was not found in the caller's words (the store's own message names store internals). */
    default Answer<T> notFoundAs(String message) {
        return this instanceof NotFound<T> ? new NotFound<>(message) : this;
    }
}
