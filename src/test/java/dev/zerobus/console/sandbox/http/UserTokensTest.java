package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox's users and their personal access tokens, through databricks-sdk-java's PAT auth. */
class UserTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    @Test
    void theJsonLineCarriesBothUserTokensAndToStringMasksThem() throws Exception {
        var endpoints = sandbox.endpoints();
        JsonNode line = JSON.readTree(endpoints.toJsonLine());

        assertThat(line.path("userToken").asText()).isEqualTo(endpoints.userToken()).startsWith("dapi").hasSize(36);
        assertThat(line.path("analystToken").asText()).isEqualTo(endpoints.analystToken()).startsWith("dapi")
                .isNotEqualTo(endpoints.userToken());
        assertThat(line.path("user").asText()).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(line.path("analyst").asText()).isEqualTo(SandboxPrincipals.ANALYST);
        assertThat(endpoints.toString()).doesNotContain(endpoints.userToken()).doesNotContain(endpoints.analystToken());
        try (var files = Files.walk(sandbox.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().endsWith(".parquet")) continue;
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(endpoints.userToken()).doesNotContain(endpoints.analystToken());
            }
        }
    }

    @Test
    void aPatAuthenticatesRestCallsAsItsUser() {
        WorkspaceClient admin = SdkClients.admin(sandbox.workspace());
        WorkspaceClient analyst = SdkClients.analyst(sandbox.workspace());

        User adminMe = admin.currentUser().me(new MeRequest());
        User analystMe = analyst.currentUser().me(new MeRequest());
        List<String> analystCatalogs = StreamSupport.stream(analyst.catalogs().list(new ListCatalogsRequest()).spliterator(), false)
                .map(CatalogInfo::getName).toList();

        assertThat(adminMe.getUserName()).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(adminMe.getEmails()).anySatisfy(e -> assertThat(e.getValue()).isEqualTo(SandboxPrincipals.ADMIN));
        assertThat(adminMe.getGroups()).anySatisfy(g -> assertThat(g.getDisplay()).isEqualTo("admins"));
        assertThat(analystMe.getUserName()).isEqualTo(SandboxPrincipals.ANALYST);
        assertThat(analystMe.getGroups()).isNullOrEmpty();
        assertThat(analystCatalogs).containsExactly("main");
        assertThat(analyst.tables().get("main.default.sensor_readings").getFullName()).isEqualTo("main.default.sensor_readings");
    }

    @Test
    void theTokenServiceTellsAPatFromAnOAuthToken() {
        TokenService tokens = sandbox.context().tokens();
        var pat = (TokenService.Lookup.Valid) tokens.lookup("Bearer " + sandbox.endpoints().analystToken());

        assertThat(pat.grant().type()).isEqualTo(TokenGrant.Type.PERSONAL_ACCESS_TOKEN);
        assertThat(pat.grant().isOAuth()).isFalse();
        // Zerobus needs an OAuth token naming the table (authorization_details): a PAT names none.
        assertThat(pat.grant().allows("TABLE", "main.default.sensor_readings", "MODIFY")).isFalse();
        assertThat(pat.grant().toString()).doesNotContain(sandbox.endpoints().analystToken());
    }

    @Test
    void aWrongPatIsUnauthenticated() {
        WorkspaceClient wrong = SdkClients.withToken(sandbox.workspace(), "dapi00000000000000000000000000000000");

        assertThatThrownBy(() -> wrong.currentUser().me(new MeRequest())).isInstanceOf(Unauthenticated.class)
                .hasMessageContaining("did not issue it");
    }

    @Test
    void theAnalystMayNotCreateSchemasCatalogsOrChangeGrants() {
        WorkspaceClient analyst = SdkClients.analyst(sandbox.workspace());

        assertThatThrownBy(() -> analyst.schemas().create(new CreateSchema().setCatalogName("main").setName("analyst_schema")))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("CREATE SCHEMA");
        assertThatThrownBy(() -> analyst.catalogs().create(new CreateCatalog().setName("analyst_catalog")))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("CREATE CATALOG");
        assertThatThrownBy(() -> analyst.grants().update(new UpdatePermissions().setSecurableType("table")
                .setFullName("main.default.sensor_readings").setChanges(List.of(new PermissionsChange()
                        .setPrincipal(SandboxPrincipals.ANALYST).setAdd(List.of(Privilege.MODIFY))))))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("not the owner");
        assertThat(sandbox.context().state().describe().get("catalogs").toString()).doesNotContain("analyst_catalog");
    }

    /** Before: any principal (no-grants-sp included) created catalogs. Now the metastore admin only (issue 12, item 13). */
    @Test
    void catalogCreationNeedsTheMetastoreAdmin() throws Exception {
        String noGrants = SdkClients.m2mToken(sandbox.workspace(), SandboxPrincipals.NO_GRANTS);
        HttpResponse<String> refused = post("/api/2.1/unity-catalog/catalogs", "{\"name\":\"sp_catalog\"}", noGrants);

        CatalogInfo created = SdkClients.admin(sandbox.workspace()).catalogs().create(new CreateCatalog().setName("admin_catalog"));

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("error_code").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.path("message").asText()).contains("'no-grants-sp' does not have CREATE CATALOG")
                .contains("GRANT CREATE CATALOG ON METASTORE TO `no-grants-sp`");
        assertThat(created.getOwner()).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(sandbox.context().state().describe().get("catalogs").toString()).contains("admin_catalog").doesNotContain("sp_catalog");
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
