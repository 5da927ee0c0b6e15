package com.cmobile.ecosystem.producers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code publish pops|partners FILE}. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes an event file (JSON Lines or CSV) to Kafka.",
        subcommands = {PublishPopsCommand.class, PublishPartnersCommand.class})
final class PublishCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: pops or partners");
    }
}
