package com.cmobile.ecosystem.producers.acl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.cmobile.ecosystem.events.Topics;

/**
 * Who gets ACLs, and the names those ACLs are about. A principal is Kafka's {@code User:<name>}
 * (or {@code Group:<name>}); an absent one gets nothing.
 *
 * @param application         the streams app's principal
 * @param partners            partner systems' principals: they publish events, nothing else
 * @param operator            who reads the dead letters
 * @param registry            the schema registry server's principal
 * @param applicationId       the streams app's {@code APPLICATION_ID}: prefix of its internal topics,
 *                            consumer group and transactional ids
 * @param operatorGroupPrefix prefix of the consumer groups the operator reads the DLQs with
 * @param topics              the topic names
 */
public record AclPrincipals(Optional<String> application, List<String> partners, Optional<String> operator,
                            Optional<String> registry, String applicationId, String operatorGroupPrefix,
                            TopicNames topics) {

    /** The names of the topics ACLs are granted on; {@link #defaults()} are the pipeline's. */
    public record TopicNames(String popCapacity, String partnerOnboarding, String popCapacityDlq,
                             String partnerOnboardingDlq, String schemas) {

        public TopicNames {
            for (String name : List.of(popCapacity, partnerOnboarding, popCapacityDlq, partnerOnboardingDlq, schemas)) {
                requireName("topic", name);
            }
        }

        public static TopicNames defaults() {
            return new TopicNames(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING, Topics.POP_CAPACITY_DLQ,
                    Topics.PARTNER_ONBOARDING_DLQ, Topics.SCHEMAS);
        }
    }

    public AclPrincipals {
        application.ifPresent(AclPrincipals::requirePrincipal);
        partners = List.copyOf(Objects.requireNonNull(partners, "partners"));
        partners.forEach(AclPrincipals::requirePrincipal);
        operator.ifPresent(AclPrincipals::requirePrincipal);
        registry.ifPresent(AclPrincipals::requirePrincipal);
        requireName("application id", applicationId);
        requireName("operator group prefix", operatorGroupPrefix);
        Objects.requireNonNull(topics, "topics");
        if (application.isPresent() && partners.contains(application.get())) {
            throw new IllegalArgumentException(application.get() + " cannot be both the application and a partner: "
                    + "a partner may only publish");
        }
    }

    private static void requirePrincipal(String principal) {
        if (principal == null || !principal.matches("(User|Group):[^\\s*]+")) {
            throw new IllegalArgumentException("a principal is User:<name> or Group:<name>, was '" + principal + "'");
        }
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isBlank() || name.contains("*")) {
            throw new IllegalArgumentException(what + " must be a name (no '*'), was '" + name + "'");
        }
    }
}
