package com.cmobile.ecosystem.producers.file;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes events as JSON Lines in exactly the format {@link EventFileReader} reads ({@code occurredAt}
 * as an ISO-8601 instant; ending events without state fields). Used to produce benchmark and sample
 * files.
 */
public final class EventJsonLinesWriter implements AutoCloseable {

    private final JsonGenerator json;

    public EventJsonLinesWriter(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
    }

    public void write(PopCapacityEvent e) throws IOException {
        json.writeStartObject();
        json.writeStringField("eventId", e.getEventId().toString());
        json.writeStringField("popId", e.getPopId());
        json.writeStringField("action", e.getAction().name());
        if (e.getAction() != PopAction.DECOMMISSIONED) {
            json.writeStringField("city", e.getCity());
            json.writeStringField("country", e.getCountry());
            json.writeStringField("businessLocation", e.getBusinessLocation());
            json.writeNumberField("capacityMbps", e.getCapacityMbps());
        }
        json.writeStringField("occurredAt", e.getOccurredAt().toString());
        json.writeStringField("source", e.getSource());
        endLine();
    }

    public void write(PartnerOnboardingEvent e) throws IOException {
        json.writeStartObject();
        json.writeStringField("eventId", e.getEventId().toString());
        json.writeStringField("partnerId", e.getPartnerId());
        if (e.getAction() != OnboardingAction.LEFT) {
            json.writeStringField("partnerName", e.getPartnerName());
        }
        json.writeStringField("program", e.getProgram().name());
        json.writeStringField("role", e.getRole().name());
        json.writeStringField("action", e.getAction().name());
        if (e.getAction() != OnboardingAction.LEFT) {
            json.writeStringField("country", e.getCountry());
        }
        if (e.getSubscribers() != null) {
            json.writeNumberField("subscribers", e.getSubscribers());
        }
        json.writeStringField("occurredAt", e.getOccurredAt().toString());
        json.writeStringField("source", e.getSource());
        endLine();
    }

    private void endLine() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
