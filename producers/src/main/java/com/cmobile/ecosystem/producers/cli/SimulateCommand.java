package com.cmobile.ecosystem.producers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulate seed|load|file}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publishes the seed scenario or a load stream, or writes a benchmark file.",
        subcommands = {SimulateSeedCommand.class, SimulateLoadCommand.class, SimulateFileCommand.class})
final class SimulateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: seed, load or file");
    }
}
