package com.cmobile.ecosystem.app.topology.model;

import com.cmobile.ecosystem.events.Program;
import com.cmobile.ecosystem.geo.Region;

/**
 * Current memberships of one program from one UN M49 region, added up from the program's
 * (program, country) groups when asked (keyed {@code PROGRAM|REGION} in lists). Absent when there is none.
 *
 * @param program  the program
 * @param region   region of the partners' home countries
 * @param members  memberships with role MEMBER
 * @param partners memberships with role PARTNER
 */
public record ProgramRegionAlliance(Program program, Region region, long members, long partners) {
}
