package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.StatementRunner;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import java.io.PrintWriter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zerobus-console sql}: one statement on a SQL warehouse, printed as a text table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Runs one SQL statement on a SQL warehouse (the Statement Execution API) and prints its rows.",
        footer = {"", "Exit codes: 0 the statement succeeded, 1 it FAILED (the warehouse's message is printed), 2 a usage problem."})
public final class SqlCommand extends AsYouCommand {
    @Parameters(index = "0", paramLabel = "STATEMENT", description = "The statement, e.g. \"SELECT COUNT(*) FROM main.default.sensor_readings\".")
    String statement;

    @Option(names = "--warehouse", paramLabel = "ID", description = "SQL warehouse id (default: the first running one).")
    @Nullable String warehouseId;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up and cancel after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = TableReader.DEFAULT_TIMEOUT.toSeconds();

    public SqlCommand() {
        this(new ConnectionOptions());
    }

    SqlCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws InterruptedException {
        var client = WorkspaceClients.asYou(connection.profile());
        String warehouse = new TableReader(client, warehouseId, Duration.ofSeconds(timeoutSeconds)).warehouseId();
        StatementRunner.Result result = new StatementRunner(client, Duration.ofSeconds(timeoutSeconds))
                .run(warehouse, statement, new Cancellation());
        var table = new TextTable(result.columns());
        result.rows().forEach(table::add);
        out.print(table.render());
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        return ExitCodes.OK;
    }
}
