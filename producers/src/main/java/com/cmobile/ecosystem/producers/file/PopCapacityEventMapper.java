package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.validation.EventValidator;
import java.util.Optional;

/** Lines to {@link PopCapacityEvent}s. */
final class PopCapacityEventMapper extends AvroEventMapper<PopCapacityEvent> {

    PopCapacityEventMapper(EventValidator validator, String defaultSource) {
        super("pop", PopCapacityEvent.getClassSchema(), validator::validate, defaultSource);
    }

    @Override
    PopCapacityEvent readOwnFields(FieldValues values) {
        var event = new PopCapacityEvent();
        event.setPopId(values.text("popId"));
        PopAction action = values.symbol("action", PopAction.class);
        event.setAction(action);
        // A decommissioning carries no state: absent state fields are empty, capacity zero.
        boolean ending = ending(action);
        event.setCity(orEmptyIf(ending, values.text("city")));
        event.setCountry(orEmptyIf(ending, values.text("country")));
        event.setBusinessLocation(orEmptyIf(ending, values.text("businessLocation")));
        Long capacity = values.wholeNumber("capacityMbps");
        if (capacity != null) {
            event.setCapacityMbps(capacity);
        }
        return event;
    }

    /** A missing capacity reads as zero, which the validator cannot tell from a stated zero. */
    @Override
    Optional<String> unseenProblem(FieldValues values, PopCapacityEvent event) {
        // No text, no conversion problem either: the field is simply absent.
        return values.text("capacityMbps") == null && !ending(event.getAction())
                ? Optional.of("capacityMbps: missing")
                : Optional.empty();
    }

    private static boolean ending(PopAction action) {
        return action == PopAction.DECOMMISSIONED;
    }
}
