package dev.zerobus.console.sandbox.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.zerobus.ZerobusJsonStream;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A table made with SQL CREATE TABLE takes Zerobus streams at once (the gRPC side reads its schema from the
 * workspace state when a stream opens), from its owner and from a principal granted SELECT and MODIFY by SQL; after
 * ALTER TABLE ADD COLUMNS a new stream writes the new column.
 */
class SqlCreatedTableIngestTest {
    private static final String TABLE = "main.default.sql_events";

    @RegisterExtension final SandboxFixture fx = new SandboxFixture();
    WorkspaceClient owner;

    @BeforeEach
    void start() {
        owner = new WorkspaceClient(new DatabricksConfig().setHost(fx.sandbox.endpoints().workspaceUrl())
                .setClientId(fx.clientId()).setClientSecret(fx.secret()));
    }

    @Test
    void aTableCreatedWithSqlTakesRecordsAndNewColumnsAfterAlter() throws Exception {
        sql("CREATE TABLE " + TABLE + " (id BIGINT NOT NULL, name STRING) COMMENT 'made with SQL'");

        ZerobusJsonStream first = fx.sdk.createJsonStream(TABLE, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        long last = -1;
        for (int i = 0; i < 100; i++) last = first.ingestRecordOffset("{\"id\":" + i + ",\"name\":\"n" + i + "\"}");
        first.waitForOffset(last);
        first.close();

        sql("ALTER TABLE " + TABLE + " ADD COLUMNS (score DOUBLE COMMENT 'added later')");
        ZerobusJsonStream second = fx.sdk.createJsonStream(TABLE, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        second.waitForOffset(second.ingestRecordOffset("{\"id\":100,\"name\":\"late\",\"score\":2.5}"));
        second.close();

        var rows = fx.rows(TABLE);
        assertThat(rows).hasSize(101);
        assertThat(rows.get(0)).containsExactly(0L, "n0", null);
        assertThat(rows.get(99)).containsExactly(99L, "n99", null);
        assertThat(rows.get(100)).containsExactly(100L, "late", 2.5);
    }

    @Test
    void aPrincipalGrantedBySqlMayWriteAndOneWithoutTheGrantMayNot() throws Exception {
        sql("CREATE TABLE " + TABLE + " (id BIGINT NOT NULL, name STRING)");
        String other = SandboxPrincipals.NO_GRANTS;
        String otherSecret = fx.sandbox.secretOf(other);

        assertThatThrownBy(() -> fx.sdk.createJsonStream(TABLE, other, otherSecret, SandboxFixture.options()
                .setRecoveryRetries(0).build()).get(30, TimeUnit.SECONDS)).hasStackTraceContaining("MODIFY");

        sql("GRANT SELECT, MODIFY ON TABLE " + TABLE + " TO `" + other + "`");
        ZerobusJsonStream stream = fx.sdk.createJsonStream(TABLE, other, otherSecret, SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        stream.waitForOffset(stream.ingestRecordOffset("{\"id\":7,\"name\":\"granted\"}"));
        stream.close();

        assertThat(fx.rows(TABLE)).singleElement().satisfies(r -> assertThat(r).containsExactly(7L, "granted"));
    }

    private void sql(String statement) {
        var response = owner.statementExecution().executeStatement(new ExecuteStatementRequest().setWarehouseId("sandbox")
                .setStatement(statement));
        assertThat(response.getStatus().getState()).as(statement + ": " + response.getStatus().getError())
                .isEqualTo(StatementState.SUCCEEDED);
    }
}
