package com.cmobile.ecosystem.app.topology.model;

/**
 * Overall size of the alliance, the single entry of {@code organisation-count-store} under
 * {@link StoreKeys#GLOBAL}. Absent when no partner belongs to any program.
 *
 * @param organisations distinct partners with at least one membership in any program
 */
public record OrganisationCount(long organisations) {
}
