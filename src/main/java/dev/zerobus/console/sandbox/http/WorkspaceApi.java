package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.SandboxContext;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every REST route of the sandbox workspace besides OAuth: Unity Catalog, SCIM (Me, service principals), service principal secrets, SQL statements, admin. */
public final class WorkspaceApi {
    private WorkspaceApi() {}

    public static List<Route> routes(SandboxContext context, Path dataDir) {
        var auth = new BearerAuth(context.tokens());
        var access = new UcAccess(auth, context.state(), context.faults());
        var json = new UcJson(dataDir.resolve("tables"));
        List<Route> routes = new ArrayList<>();
        routes.addAll(new UnityCatalogApi(access, json).routes());
        routes.addAll(new TablesApi(access, json, context.tables()).routes());
        routes.addAll(new GrantsApi(access).routes());
        routes.addAll(new CurrentUserApi(auth).routes());
        routes.addAll(new ServicePrincipalsApi(auth).routes());
        routes.addAll(new ServicePrincipalSecretsApi(auth).routes());
        // GRANT names users and service principals the sandbox knows: the token service's clients and the admin user.
        var ddl = new DdlExecutor(access, context.tables(), name -> context.tokens().principal(name).isPresent()
                || SandboxPrincipals.ADMIN.equals(name), context.faults()::takeCrashAfterSchemaCommit);
        routes.addAll(new SqlStatementApi(access, new StatementExecutor(access, context.tables()), ddl,
                new SqlWarehouses(access, context.faults())).routes());
        routes.addAll(new AdminApi(auth, context.faults()).routes());
        return List.copyOf(routes);
    }
}
