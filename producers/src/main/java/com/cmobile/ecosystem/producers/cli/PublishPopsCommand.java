package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.file.EventFileReader;
import picocli.CommandLine.Command;

/** {@code publish pops FILE}: PoP capacity events to {@value Topics#POP_CAPACITY}. */
@Command(name = "pops", mixinStandardHelpOptions = true,
        description = {"Publishes PoP capacity events to the pop-capacity topic.",
            "Fields: eventId (optional), popId, action (COMMISSIONED|CAPACITY_CHANGED|DECOMMISSIONED), city, "
                + "country (ISO 3166-1 alpha-2), businessLocation, capacityMbps, occurredAt (ISO-8601 or epoch ms), "
                + "source (optional). DECOMMISSIONED needs no city, country, businessLocation or capacityMbps."})
final class PublishPopsCommand extends PublishFileCommand<PopCapacityEvent> {

    PublishPopsCommand() {
        super(Topics.POP_CAPACITY, EventFileReader::pops, EcosystemPublisher::publishValidated);
    }
}
