package com.cmobile.ecosystem.producers.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar producers.jar}: publish event files ({@code publish pops|partners FILE}) and run the
 * simulators ({@code simulate seed|load|file}). Exit codes: 0 everything published, 2 some lines
 * rejected but the rest published, 1 fatal error (bad usage, broker or registry unreachable).
 */
@Command(name = "producers",
        mixinStandardHelpOptions = true,
        versionProvider = ProducersCli.Version.class,
        description = "Publishes CMobile ecosystem events to Kafka: event files, the seed scenario, a load stream; "
                + "applies the deployment's Kafka ACLs.",
        subcommands = {PublishCommand.class, SimulateCommand.class, AclsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line published", "2:some lines rejected, every other line published",
            "1:fatal error (usage, broker or registry unreachable)"})
public final class ProducersCli implements Runnable {

    /** Exit code of a run where every line was published. */
    public static final int OK = 0;
    /** Exit code of a fatal error: nothing more could be published. */
    public static final int FATAL = 1;
    /** Exit code of a run where some lines were rejected and all others published. */
    public static final int SOME_REJECTED = 2;

    private final Map<String, String> env;
    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    ProducersCli(Map<String, String> env, InputStream stdin) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        // Quiet client logs on the terminal unless the user brings a logback configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "com/cmobile/ecosystem/producers/cli/logback-cli.xml");
        }
        System.exit(commandLine(System.getenv(), System.in).execute(args));
    }

    /**
     * The command line with this tool's error handling, for {@code main} and for tests that run it
     * in-process with their own environment, standard input and captured output.
     */
    public static CommandLine commandLine(Map<String, String> env, InputStream stdin) {
        var commandLine = new CommandLine(new ProducersCli(env, stdin));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            failed.getErr().println("error: " + Errors.describe(error));
            return FATAL;
        });
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine failed = error.getCommandLine();
            failed.getErr().println("error: " + error.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, failed.getErr())) {
                failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return FATAL;
        });
        return commandLine;
    }

    Map<String, String> env() {
        return env;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: publish, simulate or acls");
    }

    /** Reads the version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ProducersCli.class.getPackage().getImplementationVersion();
            return new String[] {"producers " + (version == null ? "(development build)" : version)};
        }
    }
}
