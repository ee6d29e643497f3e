package dev.zerobus.console.sandbox.grpc;

import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import io.grpc.StatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Decides whether a token may open a stream on a table: name, existence, table kind, token scope, grants. */
final class TableAccess {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_]+");
    private static final List<String> PRIVILEGES = List.of("SELECT", "MODIFY");

    private final WorkspaceState state;

    TableAccess(WorkspaceState state) {
        this.state = state;
    }

    /** The table the grant may write to, or the status that says why not. */
    TableInfo check(TokenGrant grant, String tableName) throws StatusException {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) throw StreamErrors.malformedTableName(tableName);
        TableInfo table = state.findTable(tableName).orElseThrow(() -> StreamErrors.tableNotFound(tableName));
        if (!table.isManagedDelta()) throw StreamErrors.notManagedDelta(table.fullName(), table.tableType(), table.dataSourceFormat());
        List<String> notInToken = new ArrayList<>();
        for (String privilege : PRIVILEGES) {
            if (!grant.allows("TABLE", table.fullName(), privilege)) notInToken.add(privilege);
        }
        if (!notInToken.isEmpty()) throw StreamErrors.tokenNotForTable(table.fullName(), notInToken);
        String principal = grant.principal().clientId();
        // Zerobus wants the privileges on the table itself: inherited schema or catalog grants do not count.
        List<String> missing = PRIVILEGES.stream()
                .filter(p -> !state.holdsDirectly(principal, Securable.table(table.fullName()), p)).toList();
        if (!missing.isEmpty()) throw StreamErrors.missingGrants(table.fullName(), principal, missing);
        return table;
    }
}
