package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.simulator.LoadGenerator;
import com.cmobile.ecosystem.producers.simulator.LoadSimulator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate load --rate N --duration D}: a steady random stream of both event kinds. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Publishes a continuous, valid, random stream of PoP and partner events "
                + "(commissions, re-sizes, decommissions, joins, updates, leaves; about 3%% late).")
final class SimulateLoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "Events per second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to run: 30s, 5m, 1h or PT30S (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (rate < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rate must be at least 1, was " + rate);
        }
        ProducersCli root = (ProducersCli) spec.root().userObject();
        PublisherConfig config = connection.checkedConfig(root.env(),
                List.of(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING));
        LoadSimulator.Summary summary;
        try (var publisher = EcosystemPublisher.create(config)) {
            summary = new LoadSimulator(publisher, LoadGenerator.withSeed(seed), Clock.systemUTC()).run(rate, duration);
        }
        spec.commandLine().getOut().println(summary.describe());
        if (summary.failure().isPresent()) {
            spec.commandLine().getErr().println("error: " + Errors.describe(summary.failure().get()));
            return ProducersCli.FATAL;
        }
        return ProducersCli.OK;
    }
}
