package com.cmobile.ecosystem.bench;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** What the benchmarks ask of the app instances as a group: is it stable, and how often did it rebalance. */
public final class AppGroup {

    private static final String REBALANCES = "ecosystem_streams_rebalances_total";

    private AppGroup() {
    }

    /** Members of the consumer group when it is stable; -1 while it rebalances or before anyone joined. */
    public static int stableMembers(Admin admin, String groupId) throws Exception {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                    .get(groupId).get(10, TimeUnit.SECONDS);
            return group.groupState() == GroupState.STABLE ? group.members().size() : -1;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return stableStreamsGroupMembers(admin, groupId);
            }
            throw e;
        }
    }

    /** The same for a streams group (`GROUP_PROTOCOL=streams`, KIP-1071), which is not a consumer group. */
    private static int stableStreamsGroupMembers(Admin admin, String groupId) throws Exception {
        try {
            var group = admin.describeStreamsGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(10, TimeUnit.SECONDS);
            return group.groupState() == GroupState.STABLE ? group.members().size() : -1;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return -1;
            }
            throw e;
        }
    }

    /** Waits until the group is stable with {@code members} members. */
    public static void awaitStable(Admin admin, String groupId, int members, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (stableMembers(admin, groupId) == members) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("group " + groupId + " not stable with " + members + " members within "
                + timeout);
    }

    /** The instance's {@code ecosystem_streams_rebalances_total} in its {@code /metrics} text, if it has one. */
    public static OptionalLong rebalances(String metricsText) {
        return metricsText.lines().filter(line -> line.startsWith(REBALANCES)).findFirst()
                .map(line -> OptionalLong.of((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .orElse(OptionalLong.empty());
    }
}
