package com.cmobile.ecosystem.producers.acl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a deployment, least privilege, allow only (the broker must deny what no ACL allows:
 * {@code allow.everyone.if.no.acl.found=false}):
 *
 * <ul>
 *   <li><b>partners</b>: WRITE and DESCRIBE on {@code pop-capacity} and {@code partner-onboarding},
 *       nothing else (no READ anywhere, no internal topic, no group). Idempotent producers need no
 *       IDEMPOTENT_WRITE on the cluster: WRITE on a topic is enough since Kafka 3.0 (KIP-679).</li>
 *   <li><b>application</b>, as Kafka Streams with {@code exactly_once_v2} needs (Kafka's "Streams
 *       Security" page): READ on the input topics; WRITE on the DLQs; ALL on topics PREFIXED with
 *       its application id (it creates, reads, writes and purges its changelog and repartition
 *       topics); READ and DESCRIBE on the consumer group PREFIXED with it; WRITE and DESCRIBE on
 *       transactional ids PREFIXED with it ({@code <application.id>-<process id>-<thread>}).</li>
 *   <li><b>operator</b>: READ and DESCRIBE on the DLQs, READ and DESCRIBE on consumer groups
 *       PREFIXED with the operator group prefix.</li>
 *   <li><b>registry</b>: CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ and WRITE on the schemas topic
 *       (LITERAL), and READ on the group {@code schema-registry}, which Confluent's server uses for
 *       its leader election (ours uses none).</li>
 * </ul>
 */
public final class EcosystemAcls {

    /** The consumer group Confluent's schema registry joins ({@code schema.registry.group.id}). */
    public static final String CONFLUENT_REGISTRY_GROUP = "schema-registry";

    private EcosystemAcls() {
    }

    /** Every binding for {@code principals}, in a stable order (by principal, then resource). */
    public static List<AclBinding> of(AclPrincipals principals) {
        var bindings = new ArrayList<AclBinding>();
        var topics = principals.topics();
        for (String partner : principals.partners()) {
            for (String topic : List.of(topics.popCapacity(), topics.partnerOnboarding())) {
                allow(bindings, partner, ResourceType.TOPIC, topic, PatternType.LITERAL,
                        AclOperation.WRITE, AclOperation.DESCRIBE);
            }
        }
        principals.application().ifPresent(app -> {
            String applicationId = principals.applicationId();
            for (String input : List.of(topics.popCapacity(), topics.partnerOnboarding())) {
                allow(bindings, app, ResourceType.TOPIC, input, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
            }
            for (String dlq : List.of(topics.popCapacityDlq(), topics.partnerOnboardingDlq())) {
                allow(bindings, app, ResourceType.TOPIC, dlq, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            allow(bindings, app, ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.ALL);
            allow(bindings, app, ResourceType.GROUP, applicationId, PatternType.PREFIXED,
                    AclOperation.READ, AclOperation.DESCRIBE);
            allow(bindings, app, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED,
                    AclOperation.WRITE, AclOperation.DESCRIBE);
        });
        principals.operator().ifPresent(operator -> {
            for (String dlq : List.of(topics.popCapacityDlq(), topics.partnerOnboardingDlq())) {
                allow(bindings, operator, ResourceType.TOPIC, dlq, PatternType.LITERAL,
                        AclOperation.READ, AclOperation.DESCRIBE);
            }
            allow(bindings, operator, ResourceType.GROUP, principals.operatorGroupPrefix(), PatternType.PREFIXED,
                    AclOperation.READ, AclOperation.DESCRIBE);
        });
        principals.registry().ifPresent(registry -> {
            allow(bindings, registry, ResourceType.TOPIC, topics.schemas(), PatternType.LITERAL, AclOperation.CREATE,
                    AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ, AclOperation.WRITE);
            allow(bindings, registry, ResourceType.GROUP, CONFLUENT_REGISTRY_GROUP, PatternType.LITERAL,
                    AclOperation.READ);
        });
        return List.copyOf(bindings);
    }

    /**
     * Creates the bindings of {@code principals} with {@code admin} (whose principal needs ALTER on
     * the cluster), and returns once the broker's authorizer applies them all: {@code createAcls}
     * completes when the controller has them, a moment before the brokers do, and a client started
     * in that moment is refused (an app instance's first topic description was, in CI).
     * Idempotent: ACLs that exist already stay as they are; nothing is removed.
     *
     * @return the bindings asked for
     * @throws IllegalStateException naming the first binding the broker refused, or those it does
     *                               not apply within {@code timeout}
     */
    public static List<AclBinding> apply(Admin admin, AclPrincipals principals, Duration timeout) {
        List<AclBinding> bindings = of(principals);
        create(admin, bindings, timeout);
        awaitApplied(admin, bindings, timeout);
        return bindings;
    }

    private static void create(Admin admin, List<AclBinding> bindings, Duration timeout) {
        var results = admin.createAcls(bindings).values();
        for (AclBinding binding : bindings) {
            try {
                results.get(binding).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not create ACL " + describe(binding) + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s creating ACL "
                        + describe(binding), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating ACLs", e);
            }
        }
    }

    /** Until the broker answering {@code describeAcls} lists every binding. */
    private static void awaitApplied(Admin admin, List<AclBinding> bindings, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<AclBinding> missing = new LinkedHashSet<>(bindings);
        try {
            while (true) {
                missing.removeAll(admin.describeAcls(AclBindingFilter.ANY).values()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                if (missing.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply " + missing.size() + " ACL(s) within "
                            + timeout.toSeconds() + " s, first " + describe(missing.iterator().next()));
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s listing ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for ACLs", e);
        }
    }

    /** One line per binding, as {@code kafka-acls --list} would say it: {@code ALLOW User:app READ TOPIC pop-capacity (LITERAL)}. */
    public static String describe(AclBinding binding) {
        var entry = binding.entry();
        var pattern = binding.pattern();
        return entry.permissionType() + " " + entry.principal() + " " + entry.operation() + " "
                + pattern.resourceType() + " " + pattern.name() + " (" + pattern.patternType().name().toLowerCase(Locale.ROOT)
                + ")";
    }

    private static void allow(List<AclBinding> bindings, String principal, ResourceType type, String name,
                              PatternType patternType, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(type, name, patternType),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
