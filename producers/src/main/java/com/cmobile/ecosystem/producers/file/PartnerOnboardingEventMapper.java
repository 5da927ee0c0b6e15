package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.validation.EventValidator;

/** Lines to {@link PartnerOnboardingEvent}s. */
final class PartnerOnboardingEventMapper extends AvroEventMapper<PartnerOnboardingEvent> {

    PartnerOnboardingEventMapper(EventValidator validator, String defaultSource) {
        super("partner", PartnerOnboardingEvent.getClassSchema(), validator::validate, defaultSource);
    }

    @Override
    PartnerOnboardingEvent readOwnFields(FieldValues values) {
        var event = new PartnerOnboardingEvent();
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
        return event;
    }
}
