package com.cmobile.ecosystem.app.query;

import java.util.List;

/** A partner and its current memberships, in program order. */
public record PartnerView(String partnerId, List<MembershipView> memberships) {

    public PartnerView {
        memberships = List.copyOf(memberships);
    }
}
