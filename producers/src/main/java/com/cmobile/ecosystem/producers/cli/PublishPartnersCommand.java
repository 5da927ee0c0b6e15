package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.file.EventFileReader;
import picocli.CommandLine.Command;

/** {@code publish partners FILE}: partner onboarding events to {@value Topics#PARTNER_ONBOARDING}. */
@Command(name = "partners", mixinStandardHelpOptions = true,
        description = {"Publishes partner onboarding events to the partner-onboarding topic.",
            "Fields: eventId (optional), partnerId, partnerName, program (HAND_IN_HAND|ISTAR|GTI|ECOSYSTEM_ALLIANCE), "
                + "role (MEMBER|PARTNER), action (JOINED|UPDATED|LEFT), country (ISO 3166-1 alpha-2), "
                + "subscribers (optional), occurredAt (ISO-8601 or epoch ms), source (optional). "
                + "LEFT needs no partnerName or country."})
final class PublishPartnersCommand extends PublishFileCommand<PartnerOnboardingEvent> {

    PublishPartnersCommand() {
        super(Topics.PARTNER_ONBOARDING, EventFileReader::partners, EcosystemPublisher::publishValidated);
    }
}
