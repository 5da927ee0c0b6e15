package com.cmobile.ecosystem.app.topology.model;

import com.cmobile.ecosystem.events.Program;

/**
 * Current memberships of one program, added up from its (program, country) groups in
 * {@code program-country-alliance-store} when asked; zeros when the program has no membership.
 *
 * @param program     the program
 * @param members     memberships with role MEMBER
 * @param partners    memberships with role PARTNER
 * @param subscribers sum of subscribers over the memberships (unknown counts 0)
 * @param countries   distinct home countries of the program's partners
 */
public record ProgramAlliance(Program program, long members, long partners, long subscribers, long countries) {
}
