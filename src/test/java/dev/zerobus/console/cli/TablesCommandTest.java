package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TablesCommandTest {
    private final CliSandbox fixture = CliSandbox.get();

    @Test
    void listsTheCatalogs() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--profile", CliSandbox.GRANTED);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                CATALOG  COMMENT
                -------  ---------------------
                main     The sandbox's catalog
                """);
    }

    @Test
    void listsTheSchemasOfACatalog() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--catalog", "main");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("default  Sample tables to trial Zerobus ingestion");
    }

    @Test
    void listsTheTablesOfASchemaWithWhetherZerobusCanWriteThem() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--catalog", "main", "--schema", "default");

        assertThat(run.exitCode()).isZero();
        // Other CLI test classes share this sandbox and may add tables with longer names: the columns widen to fit.
        assertThat(run.out().lines()).first().asString().matches("TABLE +TYPE +FORMAT +ZEROBUS");
        assertThat(run.out().lines()).anyMatch(line -> line.matches("all_types +MANAGED +DELTA +writable"))
                .anyMatch(line -> line.matches("sensor_readings +MANAGED +DELTA +writable"));
    }

    @Test
    void aSchemaWithoutACatalogIsAUsageProblem() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--schema", "default");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Error: --schema needs --catalog.\n");
    }
}
