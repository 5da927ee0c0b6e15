package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.validation.EventValidator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lines to {@link PartnerOnboardingEvent}s. */
final class PartnerOnboardingEventMapper implements EventMapper<PartnerOnboardingEvent> {

    private static final Set<String> FIELDS = SchemaFields.of(PartnerOnboardingEvent.getClassSchema());

    private final EventValidator validator;
    private final String defaultSource;

    PartnerOnboardingEventMapper(EventValidator validator, String defaultSource) {
        this.validator = validator;
        this.defaultSource = defaultSource;
    }

    @Override
    public Set<String> fieldNames() {
        return FIELDS;
    }

    @Override
    public LineResult<PartnerOnboardingEvent> map(long line, Map<String, String> fields) {
        var values = new FieldValues(fields, FIELDS);
        var event = new PartnerOnboardingEvent();
        event.setEventId(values.uuid("eventId"));
        event.setPartnerId(values.text("partnerId"));
        event.setProgram(values.symbol("program", Program.class));
        event.setRole(values.symbol("role", PartnerRole.class));
        OnboardingAction action = values.symbol("action", OnboardingAction.class);
        event.setAction(action);
        // Leaving carries no state: absent name and country are empty.
        boolean ending = action == OnboardingAction.LEFT;
        event.setPartnerName(orEmptyIf(ending, values.text("partnerName")));
        event.setCountry(orEmptyIf(ending, values.text("country")));
        event.setSubscribers(values.wholeNumber("subscribers"));
        // put(), not the generated setter: the setter dereferences the value and a missing one must reach the validator.
        event.put("occurredAt", values.instant("occurredAt"));
        event.setSource(values.has("source") ? values.text("source") : defaultSource);
        if (!values.has("eventId")) {
            event.setEventId(SchemaFields.contentId("partner", event.getPartnerId(), event.getPartnerName(),
                    event.getProgram(), event.getRole(), event.getAction(), event.getCountry(),
                    event.getSubscribers(), event.getOccurredAt(), event.getSource()));
        }

        List<String> reasons = SchemaFields.reasons(values, validator.validate(event));
        if (!reasons.isEmpty()) {
            return new LineResult.Rejected<>(line, "", reasons);
        }
        return new LineResult.Accepted<>(line, event);
    }

    private static String orEmptyIf(boolean ending, String value) {
        return value == null && ending ? "" : value;
    }
}
