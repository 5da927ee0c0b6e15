package com.cmobile.ecosystem.producers.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class EcosystemAclsTest {

    private static final AclPrincipals ALL = new AclPrincipals(Optional.of("User:app"),
            List.of("User:partner-demo", "User:partner-b"), Optional.of("User:operator"), Optional.of("User:registry"),
            "ecosystem-aggregates", "ecosystem-operator", AclPrincipals.TopicNames.defaults());

    @Test
    void aPartnerMayOnlyWriteAndDescribeTheTwoEventTopics() {
        List<AclBinding> partner = of("User:partner-demo");

        assertThat(partner).extracting(EcosystemAcls::describe).containsExactly(
                "ALLOW User:partner-demo WRITE TOPIC pop-capacity (literal)",
                "ALLOW User:partner-demo DESCRIBE TOPIC pop-capacity (literal)",
                "ALLOW User:partner-demo WRITE TOPIC partner-onboarding (literal)",
                "ALLOW User:partner-demo DESCRIBE TOPIC partner-onboarding (literal)");
    }

    @Test
    void theApplicationGetsPrefixedAclsOnItsIdForTopicsGroupAndTransactions() {
        List<AclBinding> app = of("User:app");

        assertThat(app).anySatisfy(b -> assertPrefixed(b, ResourceType.TOPIC, AclOperation.ALL));
        assertThat(app).anySatisfy(b -> assertPrefixed(b, ResourceType.GROUP, AclOperation.READ));
        assertThat(app).anySatisfy(b -> assertPrefixed(b, ResourceType.TRANSACTIONAL_ID, AclOperation.WRITE));
        assertThat(app).extracting(EcosystemAcls::describe).contains(
                "ALLOW User:app READ TOPIC pop-capacity (literal)",
                "ALLOW User:app READ TOPIC partner-onboarding (literal)",
                "ALLOW User:app WRITE TOPIC pop-capacity-dlq (literal)",
                "ALLOW User:app WRITE TOPIC partner-onboarding-dlq (literal)")
                .noneMatch(line -> line.contains("WRITE TOPIC pop-capacity (") || line.contains("CLUSTER"));
    }

    @Test
    void theOperatorReadsTheDeadLettersOnlyWithItsGroupPrefix() {
        assertThat(of("User:operator")).extracting(EcosystemAcls::describe).containsExactlyInAnyOrder(
                "ALLOW User:operator READ TOPIC pop-capacity-dlq (literal)",
                "ALLOW User:operator DESCRIBE TOPIC pop-capacity-dlq (literal)",
                "ALLOW User:operator READ TOPIC partner-onboarding-dlq (literal)",
                "ALLOW User:operator DESCRIBE TOPIC partner-onboarding-dlq (literal)",
                "ALLOW User:operator READ GROUP ecosystem-operator (prefixed)",
                "ALLOW User:operator DESCRIBE GROUP ecosystem-operator (prefixed)");
    }

    @Test
    void nothingIsEverGrantedOnAWildcardOrDenied() {
        assertThat(EcosystemAcls.of(ALL)).allSatisfy(binding -> {
            assertThat(binding.pattern().name()).isNotEqualTo("*");
            assertThat(binding.entry().permissionType().name()).isEqualTo("ALLOW");
        });
    }

    @Test
    void aPrincipalMustBeTypedAndTheAppCannotBeAPartner() {
        assertThatThrownBy(() -> new AclPrincipals(Optional.empty(), List.of("partner"), Optional.empty(), Optional.empty(),
                "app", "ops", AclPrincipals.TopicNames.defaults())).hasMessageContaining("User:<name>");
        assertThatThrownBy(() -> new AclPrincipals(Optional.of("User:x"), List.of("User:x"), Optional.empty(),
                Optional.empty(), "app", "ops", AclPrincipals.TopicNames.defaults())).hasMessageContaining("partner");
    }

    private static List<AclBinding> of(String principal) {
        return EcosystemAcls.of(ALL).stream().filter(b -> b.entry().principal().equals(principal)).toList();
    }

    private static void assertPrefixed(AclBinding binding, ResourceType type, AclOperation operation) {
        assertThat(binding.pattern().resourceType()).isEqualTo(type);
        assertThat(binding.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
        assertThat(binding.pattern().name()).isEqualTo("ecosystem-aggregates");
        assertThat(binding.entry().operation()).isEqualTo(operation);
    }
}
