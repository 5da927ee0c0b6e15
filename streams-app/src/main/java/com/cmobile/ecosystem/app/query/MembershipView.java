package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.events.PartnerRole;
import com.cmobile.ecosystem.events.Program;
import java.time.Instant;

/**
 * One current membership of a partner in a program.
 *
 * @param since event time of the event that set its current state
 */
public record MembershipView(String partnerId, String partnerName, Program program, PartnerRole role,
                             String country, long subscribers, Instant since) {
}
