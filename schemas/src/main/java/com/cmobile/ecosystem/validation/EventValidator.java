package com.cmobile.ecosystem.validation;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Countries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one validation of events shared by producers (before sending) and the streams application
 * (before aggregating, routing the rest to a dead-letter topic).
 *
 * <p>It reports every violation of an event, not just the first, so a publisher can fix a record
 * in one go. Rules:
 * <ul>
 *   <li>a null field is {@link Reason#MISSING}; an empty or whitespace-only text field is
 *       {@link Reason#BLANK};</li>
 *   <li>an enum holding {@code UNKNOWN} is {@link Reason#UNKNOWN_VALUE};</li>
 *   <li>a country that is not an assigned ISO 3166-1 alpha-2 code is {@link Reason#UNKNOWN_COUNTRY};</li>
 *   <li>{@code capacityMbps} outside 0..{@value #MAX_CAPACITY_MBPS} and negative
 *       {@code subscribers} are {@link Reason#OUT_OF_RANGE};</li>
 *   <li>{@code occurredAt} later than now plus the tolerance is {@link Reason#FUTURE_TIMESTAMP};</li>
 *   <li>the state fields (PoP: city, country, businessLocation; partner: partnerName, country) are
 *       required except on the ending actions ({@code DECOMMISSIONED}, {@code LEFT}), which carry
 *       no state: there they are checked only when present and not blank.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventValidator {

    /** Upper bound of a PoP's capacity: 10 Tbps, far above any real PoP, to catch unit mistakes. */
    public static final long MAX_CAPACITY_MBPS = 10_000_000L;

    /** How far in the future an event may claim to have happened, to absorb clock skew. */
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration futureTolerance;

    /**
     * A validator with an explicit clock, so tests can pin "now".
     *
     * @param clock           the source of "now" for the future-timestamp rule
     * @param futureTolerance how far after now an occurredAt is still accepted; not negative
     */
    public EventValidator(Clock clock, Duration futureTolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("futureTolerance must not be negative, was " + futureTolerance);
        }
    }

    /**
     * A validator on the system UTC clock with the default tolerance of five minutes.
     *
     * @return a new validator
     */
    public static EventValidator withDefaults() {
        return new EventValidator(Clock.systemUTC(), DEFAULT_FUTURE_TOLERANCE);
    }

    /**
     * Validates a PoP capacity event.
     *
     * @param event the event, not null
     * @return an empty list when valid, otherwise every violation in field order
     */
    public List<Violation> validate(PopCapacityEvent event) {
        Objects.requireNonNull(event, "event");
        var checks = new Checks();
        checks.present("eventId", event.getEventId());
        checks.text("popId", event.getPopId());
        checks.known("action", event.getAction(), PopAction.UNKNOWN);
        boolean carriesState = event.getAction() != PopAction.DECOMMISSIONED;
        checks.stateText("city", event.getCity(), carriesState);
        checks.country(event.getCountry(), carriesState);
        checks.stateText("businessLocation", event.getBusinessLocation(), carriesState);
        checks.range("capacityMbps", event.getCapacityMbps(), 0, MAX_CAPACITY_MBPS);
        checks.notInFuture(event.getOccurredAt());
        checks.text("source", event.getSource());
        return checks.violations();
    }

    /**
     * Validates a partner onboarding event.
     *
     * @param event the event, not null
     * @return an empty list when valid, otherwise every violation in field order
     */
    public List<Violation> validate(PartnerOnboardingEvent event) {
        Objects.requireNonNull(event, "event");
        var checks = new Checks();
        checks.present("eventId", event.getEventId());
        checks.text("partnerId", event.getPartnerId());
        boolean carriesState = event.getAction() != OnboardingAction.LEFT;
        checks.stateText("partnerName", event.getPartnerName(), carriesState);
        checks.known("program", event.getProgram(), Program.UNKNOWN);
        checks.known("role", event.getRole(), PartnerRole.UNKNOWN);
        checks.known("action", event.getAction(), OnboardingAction.UNKNOWN);
        checks.country(event.getCountry(), carriesState);
        if (event.getSubscribers() != null) {
            checks.range("subscribers", event.getSubscribers(), 0, Long.MAX_VALUE);
        }
        checks.notInFuture(event.getOccurredAt());
        checks.text("source", event.getSource());
        return checks.violations();
    }

    /** Collects the violations of one event; one instance per validate call. */
    private final class Checks {

        private final List<Violation> found = new ArrayList<>(2);

        boolean present(String field, Object value) {
            if (value == null) {
                found.add(new Violation(field, Reason.MISSING, field + " is missing"));
                return false;
            }
            return true;
        }

        boolean text(String field, CharSequence value) {
            if (!present(field, value)) {
                return false;
            }
            if (value.toString().isBlank()) {
                found.add(new Violation(field, Reason.BLANK, field + " is blank: '" + value + "'"));
                return false;
            }
            return true;
        }

        void stateText(String field, CharSequence value, boolean required) {
            if (required) {
                text(field, value);
            }
        }

        void country(CharSequence value, boolean required) {
            boolean given = value != null && !value.toString().isBlank();
            if (!required && !given) {
                return;
            }
            if (text("country", value) && !Countries.isAssigned(value.toString())) {
                found.add(new Violation("country", Reason.UNKNOWN_COUNTRY,
                        "country '" + value + "' is not an assigned ISO 3166-1 alpha-2 code"));
            }
        }

        <E extends Enum<E>> void known(String field, E value, E unknown) {
            if (present(field, value) && value == unknown) {
                found.add(new Violation(field, Reason.UNKNOWN_VALUE, field + " is " + unknown.name()));
            }
        }

        void range(String field, long value, long min, long max) {
            if (value < min || value > max) {
                String bounds = max == Long.MAX_VALUE ? "at least " + min : "within " + min + ".." + max;
                found.add(new Violation(field, Reason.OUT_OF_RANGE, field + " " + value + " is not " + bounds));
            }
        }

        void notInFuture(Instant occurredAt) {
            if (!present("occurredAt", occurredAt)) {
                return;
            }
            Instant now = clock.instant();
            if (occurredAt.isAfter(now.plus(futureTolerance))) {
                found.add(new Violation("occurredAt", Reason.FUTURE_TIMESTAMP, "occurredAt " + occurredAt
                        + " is more than " + futureTolerance + " after now (" + now + ")"));
            }
        }

        List<Violation> violations() {
            return List.copyOf(found);
        }
    }
}
