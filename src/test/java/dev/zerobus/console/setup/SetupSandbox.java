package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.UserAuth;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Profiles for a test sandbox as a person would have them, and the files and loads the set-up tests share. */
final class SetupSandbox {
    private SetupSandbox() {}

    /** "You" with a personal access token only: no service principal yet. */
    static ConnectionProfile userOnly(SandboxWorkspace sandbox, String token) {
        var e = sandbox.endpoints();
        return new ConnectionProfile("trial", ConnectionProfile.Source.SAVED, e.workspaceUrl(), e.zerobusEndpoint(), "", null,
                UserAuth.pat(Secret.of(token)));
    }

    static WorkspaceClient you(ConnectionProfile profile) {
        return WorkspaceClients.asYou(profile);
    }

    /** {@code rows} orders: id (1..rows), name, price, paid, day, at. */
    static Path ordersCsv(Path dir, int rows) throws IOException {
        Path csv = dir.resolve("orders-" + rows + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,name,price,paid,day,at\n");
            for (int i = 1; i <= rows; i++) {
                w.write(String.format(Locale.ROOT, "%d,name %d,%d.%02d,%s,2024-05-%02d,2024-05-01T12:%02d:%02dZ%n",
                        i, i, i % 100, i % 100, i % 2 == 0, 1 + i % 28, (i / 60) % 60, i % 60));
            }
        }
        return csv;
    }

    /** Loads {@code file} into the table as the profile's "Ingest as" principal (JSON records, the console's LoadJob). */
    static LoadResult ingest(ConnectionProfile profile, TableSchema schema, Path file) throws Exception {
        SourceOptions options = SourceOptions.detect(file);
        LoadOptions load = LoadOptions.defaults(RecordFormat.JSON);
        try (RecordSource source = RecordSource.open(file, options)) {
            var mapping = ColumnMapping.auto(schema, source.columns());
            return new LoadJob(profile, RecordCodec.forTable(schema, load.codec()), source, options, mapping, load).run();
        }
    }

    static Secret secret(String value) {
        return Secret.of(value);
    }
}
