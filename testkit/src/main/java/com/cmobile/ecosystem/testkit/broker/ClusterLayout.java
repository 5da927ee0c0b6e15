package com.cmobile.ecosystem.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where a cluster keeps its nodes: one KRaft log directory per node ({@code node-<id>}) and the
 * ports the nodes were formatted for ({@code ports.properties}). A dynamic quorum writes its
 * voters' controller endpoints into every node's metadata log, so a cluster started again on
 * this directory must listen on the same ports.
 */
record ClusterLayout(Path root) {

    private static final String PORTS_FILE = "ports.properties";

    /** A node's client (PLAINTEXT) port and controller port, both on 127.0.0.1. */
    record NodePorts(int port, int controllerPort) {
    }

    void createRoot() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the cluster's data directory " + root, e);
        }
    }

    Path nodeDirectory(int nodeId) {
        return root.resolve("node-" + nodeId);
    }

    /** True once every node was formatted and the ports were recorded: the last step of a first start. */
    boolean isFormatted() {
        return Files.exists(root.resolve(PORTS_FILE));
    }

    /** The recorded ports, indexed by node id. */
    List<NodePorts> readPorts() {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve(PORTS_FILE))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the cluster's ports from " + root.resolve(PORTS_FILE), e);
        }
        var ports = new ArrayList<NodePorts>();
        for (int nodeId = 0; properties.containsKey(portKey(nodeId)); nodeId++) {
            ports.add(new NodePorts(Integer.parseInt(properties.getProperty(portKey(nodeId))),
                    Integer.parseInt(properties.getProperty(controllerPortKey(nodeId)))));
        }
        return List.copyOf(ports);
    }

    void writePorts(List<NodePorts> ports) {
        var properties = new Properties();
        for (int nodeId = 0; nodeId < ports.size(); nodeId++) {
            properties.setProperty(portKey(nodeId), String.valueOf(ports.get(nodeId).port()));
            properties.setProperty(controllerPortKey(nodeId), String.valueOf(ports.get(nodeId).controllerPort()));
        }
        try (OutputStream out = Files.newOutputStream(root.resolve(PORTS_FILE))) {
            properties.store(out, "ports the embedded cluster's nodes were formatted for");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the cluster's ports in " + root, e);
        }
    }

    /** Removes what a failed first start left behind, so the next attempt formats afresh. */
    void clear(int nodes) {
        KRaftStorage.deleteRecursively(root.resolve(PORTS_FILE));
        for (int nodeId = 0; nodeId < nodes; nodeId++) {
            KRaftStorage.deleteRecursively(nodeDirectory(nodeId));
        }
    }

    private static String portKey(int nodeId) {
        return "node." + nodeId + ".port";
    }

    private static String controllerPortKey(int nodeId) {
        return "node." + nodeId + ".controller.port";
    }
}
