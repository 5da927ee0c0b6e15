package com.cmobile.ecosystem.app.topology.model;

import com.cmobile.ecosystem.events.Program;

/**
 * Current memberships of one program from one country, in {@code program-country-alliance-store}
 * under {@code PROGRAM|COUNTRY}. Absent when there is none.
 *
 * @param program     the program
 * @param country     ISO 3166-1 alpha-2 home country of the partners
 * @param members     memberships with role MEMBER
 * @param partners    memberships with role PARTNER
 * @param subscribers sum of subscribers (unknown counts 0)
 */
public record ProgramCountryAlliance(Program program, String country, long members, long partners,
                                     long subscribers) {
}
