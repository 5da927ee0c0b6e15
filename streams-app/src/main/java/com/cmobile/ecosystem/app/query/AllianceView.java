package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import java.util.List;

/**
 * The whole alliance: distinct organisations with at least one membership, and one entry per
 * program (zeros for a program without members), in program order.
 */
public record AllianceView(long organisations, List<ProgramAlliance> programs) {

    public AllianceView {
        programs = List.copyOf(programs);
    }
}
