package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup} as a user with only a PAT, then {@code ingest} as the principal it made and {@code sql} as the user. */
class SetupCommandTest {
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    private Path csv(int rows) throws Exception {
        Path file = dir.resolve("readings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,device,temp,ok,day\n");
            for (int i = 1; i <= rows; i++) {
                w.write(String.format(Locale.ROOT, "%d,dev-%d,%d.5,%s,2024-06-%02d%n", i, i % 7, i % 40, i % 3 == 0, 1 + i % 28));
            }
        }
        return file;
    }

    @Test
    void setsUpATableFromAFileAndAPrincipalThenIngestsAsItAndCountsAsTheUser() throws Exception {
        Path file = csv(10_000);
        var run = fixture.run(new SetupCommand(fixture.connection()), "--profile", CliSandbox.USER, "--table", "main.default.cli_readings",
                "--from-file", file.toString(), "--principal", "cli-readings-ingest", "--print-secret");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("table").asText()).isEqualTo("main.default.cli_readings");
        assertThat(json.path("tableCreated").asBoolean()).isTrue();
        assertThat(json.path("principalCreated").asBoolean()).isTrue();
        String clientId = json.path("clientId").asText();
        assertThat(clientId).matches("[0-9a-f-]{36}");
        assertThat(StreamSupport.stream(json.path("grants").spliterator(), false).map(JsonNode::asText).toList()).isEqualTo(List.of(
                "GRANT USE CATALOG ON CATALOG `main` TO `" + clientId + "`",
                "GRANT USE SCHEMA ON SCHEMA `main`.`default` TO `" + clientId + "`",
                "GRANT SELECT, MODIFY ON TABLE `main`.`default`.`cli_readings` TO `" + clientId + "`"));
        assertThat(json.path("doctor").asText()).isEqualTo("passed");
        String secret = json.path("clientSecret").asText();
        assertThat(secret).isNotBlank();
        assertThat(run.err()).contains("[DONE   ] Create the table\n", "    $ CREATE TABLE `main`.`default`.`cli_readings` (\n",
                "    $   `temp` DOUBLE,\n", "    $ databricks service-principals create --display-name cli-readings-ingest\n",
                "[DONE   ] Check the connection as the principal\n").doesNotContain(secret);

        fixture.addProfile("cli-readings-ingest", clientId, secret);
        var ingest = fixture.run(new IngestCommand(fixture.connection()), "--profile", "cli-readings-ingest",
                "--table", "main.default.cli_readings", "--file", file.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        var count = fixture.run(new SqlCommand(fixture.connection()), "--profile", CliSandbox.USER,
                "SELECT COUNT(*) FROM main.default.cli_readings");
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.out()).contains("10000").contains("(1 row)");
    }

    @Test
    void withoutAKeychainOrPrintSecretItRefusesBeforeCreatingAnything() throws Exception {
        var run = fixture.run(new SetupCommand(fixture.connection()), "--profile", CliSandbox.USER, "--table", "main.default.no_keychain",
                "--from-file", csv(3).toString(), "--principal", "no-keychain-sp");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Error: Set-up would create an OAuth secret, which is shown once, and there is no OS keychain to keep it")
                .contains("Fix: Pass --print-secret");
        assertThat(run.out()).isEmpty();
        var exists = fixture.run(new SqlCommand(fixture.connection()), "--profile", CliSandbox.USER, "SELECT COUNT(*) FROM main.default.no_keychain");
        assertThat(exists.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void aUserWithoutCreateTableGetsTheReasonAndTheGrantAndNothingIsCreated() throws Exception {
        var run = fixture.run(new SetupCommand(fixture.connection()), "--profile", CliSandbox.ANALYST, "--table", "main.default.analyst_cli",
                "--from-file", csv(3).toString(), "--principal", "analyst-cli-sp", "--print-secret");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("[FAILED ] Create the table\n")
                .contains("Error: You (analyst@localhost) cannot create table main.default.analyst_cli: you lack CREATE TABLE on schema main.default.")
                .contains("Nothing was created.")
                .contains("Run: GRANT CREATE TABLE ON SCHEMA `main`.`default` TO `analyst@localhost`;");
    }
}
