package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.catalog.EffectivePrivilege;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.SecurableType;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GrantsApiTest {
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static WorkspaceClient client;

    @BeforeAll
    static void start() {
        client = SdkClients.granted(sandbox.workspace());
    }

    @Test
    void readsTheDirectGrantsOfASeedTable() {
        var grants = client.grants().get("table", "main.default.sensor_readings");

        assertThat(grants.getPrivilegeAssignments()).singleElement().satisfies(a -> {
            assertThat(a.getPrincipal()).isEqualTo(SandboxPrincipals.GRANTED);
            assertThat(a.getPrivileges()).containsExactlyInAnyOrder(Privilege.SELECT, Privilege.MODIFY);
        });
    }

    @Test
    void theOwnerGrantsAndRevokesOnItsOwnTable() {
        sandbox.context().state().createTable("main", "default", "owned_by_sp", "MANAGED", "DELTA",
                List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), false)), null, SandboxPrincipals.GRANTED, Map.of());
        var grant = new UpdatePermissions().setSecurableType("table").setFullName("main.default.owned_by_sp")
                .setChanges(List.of(new PermissionsChange().setPrincipal(SandboxPrincipals.NO_GRANTS).setAdd(List.of(Privilege.SELECT))));

        var afterGrant = client.grants().update(grant);
        client.grants().update(new UpdatePermissions().setSecurableType("table").setFullName("main.default.owned_by_sp")
                .setChanges(List.of(new PermissionsChange().setPrincipal(SandboxPrincipals.NO_GRANTS).setRemove(List.of(Privilege.SELECT)))));
        var afterRevoke = client.grants().get("table", "main.default.owned_by_sp");

        assertThat(afterGrant.getPrivilegeAssignments()).extracting(PrivilegeAssignment::getPrincipal)
                .containsExactly(SandboxPrincipals.NO_GRANTS);
        assertThat(afterRevoke.getPrivilegeAssignments()).isNullOrEmpty();
    }

    @Test
    void refusesToChangeGrantsOnATableItDoesNotOwn() {
        var grant = new UpdatePermissions().setSecurableType("table").setFullName("main.default.sensor_readings")
                .setChanges(List.of(new PermissionsChange().setPrincipal("someone").setAdd(List.of(Privilege.SELECT))));

        assertThatThrownBy(() -> client.grants().update(grant)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("not the owner of table 'main.default.sensor_readings'");
    }

    @Test
    void effectivePermissionsIncludeTheInheritedOnes() {
        var effective = client.grants().getEffective(new GetEffectiveRequest().setSecurableType("table")
                .setFullName("main.default.sensor_readings").setPrincipal(SandboxPrincipals.GRANTED));

        EffectivePrivilegeAssignment assignment = effective.getPrivilegeAssignments().iterator().next();
        List<EffectivePrivilege> privileges = List.copyOf(assignment.getPrivileges());
        assertThat(assignment.getPrincipal()).isEqualTo(SandboxPrincipals.GRANTED);
        assertThat(privileges).filteredOn(p -> p.getInheritedFromType() == null).extracting(EffectivePrivilege::getPrivilege)
                .containsExactlyInAnyOrder(Privilege.SELECT, Privilege.MODIFY);
        assertThat(privileges).filteredOn(p -> p.getPrivilege() == Privilege.USE_CATALOG).singleElement().satisfies(p -> {
            assertThat(p.getInheritedFromType()).isEqualTo(SecurableType.CATALOG);
            assertThat(p.getInheritedFromName()).isEqualTo("main");
        });
        assertThat(privileges).filteredOn(p -> p.getPrivilege() == Privilege.USE_SCHEMA).singleElement()
                .extracting(EffectivePrivilege::getInheritedFromName).isEqualTo("main.default");
    }

    @Test
    void aPrincipalWithoutTableGrantsIsDeniedWithTheGrantToRun() {
        WorkspaceClient noGrants = SdkClients.of(sandbox.workspace(), SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));

        assertThatThrownBy(() -> noGrants.grants().get("table", "main.default.sensor_readings"))
                .isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("User 'no-grants-sp' does not have SELECT on table 'main.default.sensor_readings'")
                .hasMessageContaining("GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }

    @Test
    void aWrongClientSecretFailsWithA401FromTheTokenEndpoint() {
        WorkspaceClient wrong = SdkClients.of(sandbox.workspace(), SandboxPrincipals.GRANTED, "not-the-secret");

        // The SDK reports the RFC 6749 'error' code only; the description is checked on the raw endpoint below.
        assertThatThrownBy(() -> wrong.catalogs().get("main")).hasRootCauseInstanceOf(Unauthenticated.class)
                .rootCause().hasMessage("invalid_client")
                .satisfies(e -> assertThat(((DatabricksError) e).getStatusCode()).isEqualTo(401));
    }

    @Test
    void theTokenEndpointSaysTheSecretIsWrong() throws Exception {
        String basic = Base64.getEncoder().encodeToString((SandboxPrincipals.GRANTED + ":nope").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/oidc/v1/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis")).build();

        HttpResponse<String> response;
        try (var http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("wrong client secret");
    }

    @Test
    void anUnknownBearerTokenIsUnauthenticated() {
        WorkspaceClient badToken = new WorkspaceClient(new DatabricksConfig()
                .setHost(sandbox.endpoints().workspaceUrl()).setToken("not-a-sandbox-token"));

        assertThatThrownBy(() -> badToken.catalogs().get("main")).isInstanceOf(Unauthenticated.class)
                .hasMessageContaining("Invalid access token");
    }
}
