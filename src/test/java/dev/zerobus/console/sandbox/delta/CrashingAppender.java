package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

/** Child process for the kill -9 test: appends rows forever and prints "ACK id" once each one is durable. */
final class CrashingAppender {
    static final TableSchema SCHEMA = new TableSchema("main.default.crash", List.of(
            new TableColumn("id", ColumnType.of(Kind.INT), false),
            new TableColumn("payload", ColumnType.of(Kind.STRING), true)));

    private CrashingAppender() {}

    public static void main(String[] args) {
        QuietLogs.apply();
        PrintStream out = System.out;
        var store = new DeltaTableStore(Path.of(args[0]), CommitFaults.NONE);
        store.create("crash", SCHEMA);
        out.println("READY");
        out.flush();
        var inFlight = new Semaphore(5_000);
        for (int id = 0; ; id++) {
            inFlight.acquireUninterruptibly();
            int acked = id;
            store.append("crash", SCHEMA, List.<Object[]>of(new Object[] {id, "row " + id})).whenComplete((v, e) -> {
                inFlight.release();
                if (e == null) {
                    synchronized (out) {
                        out.println("ACK " + acked);
                        out.flush();
                    }
                }
            });
        }
    }
}
