package com.cmobile.ecosystem.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducersCliTest {

    static final String GOOD_POP = "{\"popId\":\"pop-1\",\"action\":\"COMMISSIONED\",\"city\":\"Lima\",\"country\":\"PE\","
            + "\"businessLocation\":\"CMobile International \u2014 Lima\",\"capacityMbps\":100000,"
            + "\"occurredAt\":\"2020-01-01T00:00:00Z\"}";

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = ProducersCli.commandLine(Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aDryRunOfAFileOfGoodLinesExitsZeroAndSummarises() throws IOException {
        Path file = Files.writeString(dir.resolve("pops.jsonl"), GOOD_POP + "\n" + GOOD_POP.replace("pop-1", "pop-2") + "\n");

        Run run = run("", "publish", "pops", file.toString(), "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read 2", "valid (dry run, nothing published) 2", "rejected 0", "events/s");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndTheRunExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("pops.jsonl"),
                GOOD_POP + "\n{broken\n" + GOOD_POP.replace("\"PE\"", "\"ZZ\"") + "\n" + GOOD_POP + "\n");

        Run run = run("", "publish", "pops", file.toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.SOME_REJECTED);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().toList().get(0)).startsWith("line 2: malformed JSON");
        assertThat(run.err().lines().toList().get(1)).startsWith("line 3: ").contains("ZZ");
        assertThat(run.out()).contains("read 4", "rejected 2");
    }

    @Test
    void rejectedLinesAreWrittenWithTheirReasonsToTheRejectsFile() throws IOException {
        Path file = Files.writeString(dir.resolve("pops.jsonl"), GOOD_POP + "\nnot json\n");
        Path rejects = dir.resolve("rejects.jsonl");

        run("", "publish", "pops", file.toString(), "--dry-run", "--rejects", rejects.toString());

        assertThat(Files.readAllLines(rejects)).singleElement().satisfies(line ->
                assertThat(line).contains("\"line\":2", "malformed JSON", "\"input\":\"not json\""));
    }

    @Test
    void aDashReadsStandardInput() {
        Run run = run(GOOD_POP + "\n", "publish", "pops", "-", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read 1");
    }

    @Test
    void csvIsChosenByExtensionOrByFormatOption() throws IOException {
        String csv = "partnerId,partnerName,program,role,action,country,occurredAt\n"
                + "op-1,Nile Telecom,ISTAR,PARTNER,JOINED,EG,2019-01-01T00:00:00Z\n";
        Path byExtension = Files.writeString(dir.resolve("partners.csv"), csv);
        Path byOption = Files.writeString(dir.resolve("partners.txt"), csv);

        assertThat(run("", "publish", "partners", byExtension.toString(), "--dry-run").exitCode()).isZero();
        assertThat(run("", "publish", "partners", byOption.toString(), "--dry-run", "--format", "csv").exitCode()).isZero();
    }

    @Test
    void anUnrecognisedExtensionWithoutFormatIsAFatalErrorWithAHint() throws IOException {
        Path file = Files.writeString(dir.resolve("pops.txt"), GOOD_POP);

        Run run = run("", "publish", "pops", file.toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("--format");
    }

    @Test
    void aMissingFileIsAFatalErrorInOneSentence() {
        Run run = run("", "publish", "pops", dir.resolve("nowhere.jsonl").toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err().strip()).isEqualTo("error: no such file: " + dir.resolve("nowhere.jsonl"));
    }

    @Test
    void anUnreachableBrokerIsAFatalErrorWithoutAStackTrace() throws IOException {
        Path file = Files.writeString(dir.resolve("pops.jsonl"), GOOD_POP + "\n");

        Run run = run("", "publish", "pops", file.toString(), "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("cannot reach Kafka at 127.0.0.1:1 within 1 s").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableBrokerEndsEachSimulationInOneSentence() {
        for (String simulation : new String[] {"seed", "load"}) {
            Run run = run("", "simulate", simulation, "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "1s");

            assertThat(run.exitCode()).as(simulation).isEqualTo(ProducersCli.FATAL);
            assertThat(run.err().lines()).as(simulation).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("error: cannot reach Kafka at 127.0.0.1:1 within 1 s");
            assertThat(run.out()).as(simulation).isEmpty();
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"publish", "--help"}, {"publish", "pops", "--help"},
            {"publish", "partners", "--help"}, {"simulate", "--help"}, {"simulate", "seed", "--help"},
            {"simulate", "load", "--help"}, {"simulate", "file", "--help"}}) {
            Run run = run("", command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).startsWith("Usage: producers");
        }
    }

    @Test
    void aMissingSubcommandIsAUsageErrorExitingOne() {
        Run run = run("", "publish");

        assertThat(run.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(run.err()).contains("Missing required subcommand").contains("--help");
    }

    @Test
    void theSeedDryRunListsTheFiguresItWillProduce() {
        Run run = run("", "simulate", "seed", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("360 active PoPs in 284 cities", "310,000,000 Mbps", "GTI 147 members and 242 partners");
    }

    @Test
    void theBenchmarkFileGeneratorWritesLinesThatPublishCleanly() throws IOException {
        Path file = dir.resolve("bench.jsonl");

        assertThat(run("", "simulate", "file", "--kind", "partners", "--events", "500", "--out", file.toString()).exitCode())
                .isZero();
        Run run = run("", "publish", "partners", file.toString(), "--dry-run");

        assertThat(Files.readAllLines(file)).hasSize(500);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("read 500", "rejected 0");
    }

    @Test
    void aclsApplyDryRunPrintsTheAclsAndContactsNothing() {
        Run run = run("", "acls", "apply", "--dry-run", "--partner-principal", "User:partner-demo",
                "--app-principal", "User:app", "--operator-principal", "User:operator",
                "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ALLOW User:partner-demo WRITE TOPIC pop-capacity (literal)",
                "ALLOW User:app WRITE TRANSACTIONAL_ID ecosystem-aggregates (prefixed)",
                "ALLOW User:operator READ TOPIC pop-capacity-dlq (literal)", "(dry run: nothing created)");
        assertThat(run.out()).doesNotContain("User:partner-demo READ");
    }

    @Test
    void aclsApplyWithoutAPrincipalOrWithABadOneIsAUsageError() {
        assertThat(run("", "acls", "apply", "--dry-run").err()).contains("no principal given");
        Run bad = run("", "acls", "apply", "--dry-run", "--partner-principal", "partner-demo");
        assertThat(bad.exitCode()).isEqualTo(ProducersCli.FATAL);
        assertThat(bad.err()).contains("User:<name>");
    }
}
