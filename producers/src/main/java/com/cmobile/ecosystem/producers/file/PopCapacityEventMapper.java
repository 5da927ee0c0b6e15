package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lines to {@link PopCapacityEvent}s. */
final class PopCapacityEventMapper implements EventMapper<PopCapacityEvent> {

    private static final Set<String> FIELDS = SchemaFields.of(PopCapacityEvent.getClassSchema());

    private final EventValidator validator;
    private final String defaultSource;

    PopCapacityEventMapper(EventValidator validator, String defaultSource) {
        this.validator = validator;
        this.defaultSource = defaultSource;
    }

    @Override
    public Set<String> fieldNames() {
        return FIELDS;
    }

    @Override
    public LineResult<PopCapacityEvent> map(long line, Map<String, String> fields) {
        var values = new FieldValues(fields, FIELDS);
        var event = new PopCapacityEvent();
        event.setEventId(values.uuid("eventId"));
        event.setPopId(values.text("popId"));
        PopAction action = values.symbol("action", PopAction.class);
        event.setAction(action);
        // A decommissioning carries no state: absent state fields are empty, capacity zero.
        boolean ending = action == PopAction.DECOMMISSIONED;
        event.setCity(orEmptyIf(ending, values.text("city")));
        event.setCountry(orEmptyIf(ending, values.text("country")));
        event.setBusinessLocation(orEmptyIf(ending, values.text("businessLocation")));
        Long capacity = values.wholeNumber("capacityMbps");
        if (capacity != null) {
            event.setCapacityMbps(capacity);
        }
        // put(), not the generated setter: the setter dereferences the value and a missing one must reach the validator.
        event.put("occurredAt", values.instant("occurredAt"));
        event.setSource(values.has("source") ? values.text("source") : defaultSource);
        if (!values.has("eventId")) {
            event.setEventId(SchemaFields.contentId("pop", event.getPopId(), event.getAction(), event.getCity(),
                    event.getCountry(), event.getBusinessLocation(), event.getCapacityMbps(),
                    event.getOccurredAt(), event.getSource()));
        }

        var violations = validator.validate(event);
        List<String> reasons = SchemaFields.reasons(values, violations);
        if (capacity == null && !ending && !values.fieldsWithProblems().contains("capacityMbps")) {
            reasons.add("capacityMbps: missing");
        }
        if (!reasons.isEmpty()) {
            return new LineResult.Rejected<>(line, "", reasons);
        }
        return new LineResult.Accepted<>(line, event);
    }

    private static String orEmptyIf(boolean ending, String value) {
        return value == null && ending ? "" : value;
    }
}
