package com.cmobile.ecosystem.producers.cli;

import com.cmobile.ecosystem.events.Topics;
import com.cmobile.ecosystem.producers.EcosystemPublisher;
import com.cmobile.ecosystem.producers.PublisherConfig;
import com.cmobile.ecosystem.producers.simulator.SeedScenario;
import com.cmobile.ecosystem.producers.simulator.SeedSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate seed}: the announcement's figures, through dated histories. Safe to run twice. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Publishes the seed scenario: 360 active PoPs in 284 cities, 40 business locations, "
                + "310 Tbps; HAND_IN_HAND 29 members serving over 3 billion subscribers; ISTAR 500 partners; "
                + "GTI 147 members and 242 partners; ECOSYSTEM_ALLIANCE 12 founding members.",
            "Deterministic: a second run publishes identical events and changes no aggregate."})
final class SimulateSeedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--dry-run", description = "Generate and count the events, publish nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SeedScenario scenario = SeedScenario.generate();
        SeedSimulator.Result result;
        if (dryRun) {
            result = new SeedSimulator.Result(scenario.popEvents().size(), scenario.partnerEvents().size(), Duration.ZERO);
        } else {
            ProducersCli root = (ProducersCli) spec.root().userObject();
            PublisherConfig config = connection.checkedConfig(root.env(),
                    List.of(Topics.POP_CAPACITY, Topics.PARTNER_ONBOARDING));
            try (var publisher = EcosystemPublisher.create(config)) {
                result = new SeedSimulator(publisher).publish(scenario);
            } catch (CompletionException e) {
                err.println("error: " + Errors.describe(e));
                return ProducersCli.FATAL;
            }
        }
        out.printf(Locale.ROOT, "%s %,d PoP events and %,d partner events in %.1f s; once applied:%n",
                dryRun ? "generated (dry run, nothing published)" : "published", result.popEvents(),
                result.partnerEvents(), result.elapsed().toMillis() / 1000.0);
        result.figures().forEach(line -> out.println("  " + line));
        out.flush();
        return ProducersCli.OK;
    }
}
