package com.cmobile.ecosystem.app.topology;

import java.time.Instant;
import java.util.UUID;

import com.cmobile.ecosystem.events.OnboardingAction;
import com.cmobile.ecosystem.events.PartnerOnboardingEvent;
import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.PopAction;
import com.cmobile.ecosystem.events.PopCapacityEvent;
import com.cmobile.ecosystem.events.Program;

/** Builders of test events with explicit event times, for the unit tests and the broker-backed ones. */
public final class Events {

    private Events() {
    }

    public static PopCapacityEvent pop(PopAction action, String popId, String city, String country,
                                       String businessLocation, long capacityMbps, Instant occurredAt) {
        return PopCapacityEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setPopId(popId)
                .setAction(action)
                .setCity(city)
                .setCountry(country)
                .setBusinessLocation(businessLocation)
                .setCapacityMbps(capacityMbps)
                .setOccurredAt(occurredAt)
                .setSource("test")
                .build();
    }

    static PopCapacityEvent commissioned(String popId, String city, String country, String businessLocation,
                                         long capacityMbps, Instant occurredAt) {
        return pop(PopAction.COMMISSIONED, popId, city, country, businessLocation, capacityMbps, occurredAt);
    }

    static PopCapacityEvent resized(String popId, String city, String country, String businessLocation,
                                    long capacityMbps, Instant occurredAt) {
        return pop(PopAction.CAPACITY_CHANGED, popId, city, country, businessLocation, capacityMbps, occurredAt);
    }

    static PopCapacityEvent decommissioned(String popId, Instant occurredAt) {
        return pop(PopAction.DECOMMISSIONED, popId, "", "", "", 0, occurredAt);
    }

    public static PartnerOnboardingEvent partner(OnboardingAction action, String partnerId, Program program,
                                                 PartnerRole role, String country, Long subscribers,
                                                 Instant occurredAt) {
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setPartnerId(partnerId)
                .setPartnerName("Partner " + partnerId)
                .setProgram(program)
                .setRole(role)
                .setAction(action)
                .setCountry(country)
                .setSubscribers(subscribers)
                .setOccurredAt(occurredAt)
                .setSource("test")
                .build();
    }

    static PartnerOnboardingEvent joined(String partnerId, Program program, PartnerRole role, String country,
                                         Long subscribers, Instant occurredAt) {
        return partner(OnboardingAction.JOINED, partnerId, program, role, country, subscribers, occurredAt);
    }

    static PartnerOnboardingEvent updated(String partnerId, Program program, PartnerRole role, String country,
                                          Long subscribers, Instant occurredAt) {
        return partner(OnboardingAction.UPDATED, partnerId, program, role, country, subscribers, occurredAt);
    }

    static PartnerOnboardingEvent left(String partnerId, Program program, Instant occurredAt) {
        return PartnerOnboardingEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setPartnerId(partnerId)
                .setPartnerName("")
                .setProgram(program)
                .setRole(PartnerRole.MEMBER)
                .setAction(OnboardingAction.LEFT)
                .setCountry("")
                .setSubscribers(null)
                .setOccurredAt(occurredAt)
                .setSource("test")
                .build();
    }
}
