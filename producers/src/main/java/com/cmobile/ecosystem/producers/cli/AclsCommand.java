package com.cmobile.ecosystem.producers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code acls apply}. */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "Kafka ACLs of a deployment: partners publish only, the app and the operator get what they need.",
        subcommands = {AclsApplyCommand.class})
final class AclsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: apply");
    }
}
