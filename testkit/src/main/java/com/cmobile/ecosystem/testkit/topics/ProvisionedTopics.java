package com.cmobile.ecosystem.testkit.topics;

import java.util.List;

/** What a provisioning run did: topics it created and topics that were already there. */
public record ProvisionedTopics(List<String> created, List<String> alreadyExisting) {

    public ProvisionedTopics {
        created = List.copyOf(created);
        alreadyExisting = List.copyOf(alreadyExisting);
    }
}
