package com.cmobile.ecosystem.app.query;

import java.util.List;
import java.util.Set;

/** Which instances exist and which store partitions they host, as this instance currently sees it. */
public interface ClusterView {

    /** Every instance of the application, sorted, with the partitions the group assigned it. */
    List<InstanceStatus> instances();

    /** Instances hosting an active or standby copy of some partition of {@code store}, sorted. */
    List<Instance> hostsOf(String store);

    /** Every partition {@code store} has, whoever hosts it: a fan-out is complete when all answered. */
    Set<Integer> partitionsOf(String store);
}
