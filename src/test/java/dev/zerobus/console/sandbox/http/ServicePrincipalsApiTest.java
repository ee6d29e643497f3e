package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.platform.BadRequest;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.ResourceConflict;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.SecretInfo;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusSdk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SCIM service principals and their OAuth secrets, through databricks-sdk-java's ServicePrincipalsAPI and secrets proxy. */
class ServicePrincipalsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static WorkspaceClient admin;

    @BeforeAll
    static void start() {
        admin = SdkClients.admin(sandbox.workspace());
    }

    private static ServicePrincipal create(String name) {
        return admin.servicePrincipals().create(new ServicePrincipal().setDisplayName(name));
    }

    private static List<ServicePrincipal> list(WorkspaceClient client, String filter) {
        return StreamSupport.stream(client.servicePrincipals().list(new ListServicePrincipalsRequest().setFilter(filter))
                .spliterator(), false).toList();
    }

    @Test
    void theAdminCreatesGetsListsAndDeletesAServicePrincipal() {
        ServicePrincipal created = create("Zerobus ingest (trial)");
        ServicePrincipal fetched = admin.servicePrincipals().get(created.getId());
        List<ServicePrincipal> all = list(admin, null);

        assertThat(UUID.fromString(created.getApplicationId())).isNotNull();
        assertThat(created.getDisplayName()).isEqualTo("Zerobus ingest (trial)");
        assertThat(created.getActive()).isTrue();
        assertThat(fetched.getApplicationId()).isEqualTo(created.getApplicationId());
        assertThat(all).extracting(ServicePrincipal::getApplicationId)
                .contains(SandboxPrincipals.GRANTED, SandboxPrincipals.NO_GRANTS, created.getApplicationId())
                .doesNotContain(SandboxPrincipals.ADMIN, SandboxPrincipals.ANALYST);

        admin.servicePrincipals().delete(created.getId());

        assertThatThrownBy(() -> admin.servicePrincipals().get(created.getId())).isInstanceOf(NotFound.class)
                .hasMessageContaining("not found");
        assertThat(list(admin, null)).extracting(ServicePrincipal::getId).doesNotContain(created.getId());
    }

    @Test
    void filtersByDisplayNameAndApplicationIdAsTheConsoleDoes() {
        ServicePrincipal created = create("filter-me");
        create("filter-me-not");

        List<ServicePrincipal> byName = list(admin, "displayName eq \"filter-me\"");
        List<ServicePrincipal> byApp = list(SdkClients.analyst(sandbox.workspace()), "applicationId eq \"" + created.getApplicationId() + "\"");
        List<ServicePrincipal> none = list(admin, "displayName eq \"nobody\"");

        assertThat(byName).extracting(ServicePrincipal::getId).containsExactly(created.getId());
        assertThat(byApp).extracting(ServicePrincipal::getDisplayName).containsExactly("filter-me");
        assertThat(none).isEmpty();
        assertThatThrownBy(() -> list(admin, "displayName gt \"a\"")).isInstanceOf(BadRequest.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void refusesBadOrTakenNames() {
        create("taken-name");

        assertThatThrownBy(() -> create("Taken-Name")).isInstanceOf(ResourceConflict.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> create("  ")).isInstanceOf(BadRequest.class).hasMessageContaining("displayName is required");
        assertThatThrownBy(() -> create("tab\there")).isInstanceOf(BadRequest.class).hasMessageContaining("control characters");
        assertThatThrownBy(() -> admin.servicePrincipals().create(new ServicePrincipal().setDisplayName("with-app-id")
                .setApplicationId(UUID.randomUUID().toString()))).isInstanceOf(BadRequest.class).hasMessageContaining("applicationId");
        assertThat(list(admin, "displayName eq \"with-app-id\"")).isEmpty();
    }

    @Test
    void onlyAWorkspaceAdminMayCreateOrDeleteAndTheErrorIsScimShaped() throws Exception {
        WorkspaceClient analyst = SdkClients.analyst(sandbox.workspace());
        ServicePrincipal created = create("admins-only");

        assertThatThrownBy(() -> analyst.servicePrincipals().create(new ServicePrincipal().setDisplayName("by-analyst")))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("not a workspace admin");
        assertThatThrownBy(() -> analyst.servicePrincipals().delete(created.getId())).isInstanceOf(PermissionDenied.class);
        assertThat(admin.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("admins-only");

        HttpResponse<String> raw = send("POST", ServicePrincipalsApi.BASE, "{\"displayName\":\"raw\"}", sandbox.endpoints().analystToken());
        JsonNode error = JSON.readTree(raw.body());
        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo("403");
        assertThat(error.path("detail").asText()).contains("'analyst@localhost' is not a workspace admin");
        assertThat(send("GET", ServicePrincipalsApi.BASE, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void patchRenamesACreatedPrincipalButNotABuiltInOne() {
        ServicePrincipal created = create("before-rename");
        long builtInId = list(admin, "applicationId eq \"sandbox-sp\"").getFirst().getId() == null ? -1
                : Long.parseLong(list(admin, "applicationId eq \"sandbox-sp\"").getFirst().getId());

        admin.servicePrincipals().patch(new PartialUpdate().setId(created.getId()).setOperations(List.of(
                new Patch().setOp(PatchOp.REPLACE).setPath("displayName").setValue("after-rename"))));

        assertThat(admin.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("after-rename");
        assertThatThrownBy(() -> admin.servicePrincipals().patch(new PartialUpdate().setId(Long.toString(builtInId))
                .setOperations(List.of(new Patch().setOp(PatchOp.REPLACE).setPath("displayName").setValue("x")))))
                .isInstanceOf(BadRequest.class).hasMessageContaining("built into the sandbox");
        assertThatThrownBy(() -> admin.servicePrincipals().delete(Long.toString(builtInId)))
                .isInstanceOf(BadRequest.class).hasMessageContaining("cannot be deleted");
    }

    @Test
    void aNewSecretWorksAtOnceForM2MAndStopsWorkingWhenDeleted() {
        ServicePrincipal created = create("secret-holder");
        CreateServicePrincipalSecretResponse secret = admin.servicePrincipalSecretsProxy().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId()).setLifetime("3600s"));
        List<SecretInfo> listed = StreamSupport.stream(admin.servicePrincipalSecretsProxy().list(created.getId()).spliterator(), false).toList();

        String me = SdkClients.of(sandbox.workspace(), created.getApplicationId(), secret.getSecret()).currentUser().me(new MeRequest()).getUserName();

        assertThat(secret.getSecret()).startsWith("dose").hasSize(68);
        assertThat(secret.getStatus()).isEqualTo("ACTIVE");
        assertThat(Duration.between(Instant.parse(secret.getCreateTime()),
                Instant.parse(secret.getExpireTime()))).isEqualTo(Duration.ofHours(1));
        assertThat(listed).extracting(SecretInfo::getId).containsExactly(secret.getId());
        assertThat(listed.getFirst().getSecretHash()).isNotBlank().isNotEqualTo(secret.getSecret());
        assertThat(JSON.valueToTree(listed).toString()).doesNotContain(secret.getSecret());
        assertThat(me).isEqualTo(created.getApplicationId());

        admin.servicePrincipalSecretsProxy().delete(created.getId(), secret.getId());

        assertThatThrownBy(() -> SdkClients.of(sandbox.workspace(), created.getApplicationId(), secret.getSecret()).currentUser().me(new MeRequest()))
                .isInstanceOf(DatabricksException.class).rootCause().hasMessageContaining("invalid_client");
    }

    @Test
    void deletingAPrincipalEndsItsTokensAndSecrets() {
        ServicePrincipal created = create("short-lived");
        String secret = admin.servicePrincipalSecretsProxy().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId())).getSecret();
        WorkspaceClient asPrincipal = SdkClients.of(sandbox.workspace(), created.getApplicationId(), secret);
        assertThat(asPrincipal.currentUser().me(new MeRequest()).getUserName()).isEqualTo(created.getApplicationId());

        admin.servicePrincipals().delete(created.getId());

        assertThatThrownBy(() -> asPrincipal.currentUser().me(new MeRequest())).isInstanceOf(Unauthenticated.class)
                .hasMessageContaining("did not issue it");
        assertThatThrownBy(() -> SdkClients.of(sandbox.workspace(), created.getApplicationId(), secret).currentUser().me(new MeRequest()))
                .isInstanceOf(DatabricksException.class).rootCause().hasMessageContaining("invalid_client");
        assertThatThrownBy(() -> admin.servicePrincipalSecretsProxy().list(created.getId()).iterator().hasNext())
                .isInstanceOf(NotFound.class);
    }

    @Test
    void secretsAreForAdminsAndBounded() throws Exception {
        ServicePrincipal created = create("bounded-secrets");
        var analyst = SdkClients.analyst(sandbox.workspace());

        assertThatThrownBy(() -> analyst.servicePrincipalSecretsProxy().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId())))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("not a workspace admin");
        assertThatThrownBy(() -> analyst.servicePrincipalSecretsProxy().list(created.getId()).iterator().hasNext())
                .isInstanceOf(PermissionDenied.class);
        assertThatThrownBy(() -> admin.servicePrincipalSecretsProxy().create(new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(created.getApplicationId()))).isInstanceOf(BadRequest.class).hasMessageContaining("numeric SCIM id");
        assertThatThrownBy(() -> admin.servicePrincipalSecretsProxy().create(new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(created.getId()).setLifetime("63072001s"))).isInstanceOf(BadRequest.class)
                .hasMessageContaining("730 days");
        for (int i = 0; i < 5; i++) {
            admin.servicePrincipalSecretsProxy().create(new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId()));
        }
        assertThatThrownBy(() -> admin.servicePrincipalSecretsProxy().create(new CreateServicePrincipalSecretRequest()
                .setServicePrincipalId(created.getId()))).isInstanceOf(BadRequest.class).hasMessageContaining("Delete one first");

        HttpResponse<String> raw = send("POST", "/api/2.0/accounts/servicePrincipals/" + created.getId() + "/credentials/secrets",
                "{}", sandbox.endpoints().analystToken());
        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(raw.body()).path("error_code").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(raw.body()).doesNotContain("dose");
    }

    /** A principal created and granted through the APIs ingests through Zerobus at once; without grants it is refused. */
    @Test
    void aNewPrincipalIngestsThroughZerobusOnceGranted() throws Exception {
        ServicePrincipal created = create("zerobus-writer");
        String secret = admin.servicePrincipalSecretsProxy().create(
                new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId())).getSecret();
        String table = "main.default.sensor_readings";
        StreamConfigurationOptions options = StreamConfigurationOptions.builder().setRecoveryRetries(0).setRecovery(false).build();
        try (ZerobusSdk zerobus = new ZerobusSdk(sandbox.endpoints().zerobusEndpoint(), sandbox.endpoints().workspaceUrl())) {
            assertThatThrownBy(() -> zerobus.createJsonStream(table, created.getApplicationId(), secret, options).get(30, TimeUnit.SECONDS))
                    .hasStackTraceContaining(created.getApplicationId());

            admin.grants().update(new UpdatePermissions().setSecurableType("catalog").setFullName("main").setChanges(List.of(
                    new PermissionsChange().setPrincipal(created.getApplicationId()).setAdd(List.of(Privilege.USE_CATALOG)))));
            admin.grants().update(new UpdatePermissions().setSecurableType("schema").setFullName("main.default").setChanges(List.of(
                    new PermissionsChange().setPrincipal(created.getApplicationId()).setAdd(List.of(Privilege.USE_SCHEMA)))));
            admin.grants().update(new UpdatePermissions().setSecurableType("table").setFullName(table).setChanges(List.of(
                    new PermissionsChange().setPrincipal(created.getApplicationId()).setAdd(List.of(Privilege.SELECT, Privilege.MODIFY)))));
            long before = count(table);

            ZerobusJsonStream stream = zerobus.createJsonStream(table, created.getApplicationId(), secret, options).get(30, TimeUnit.SECONDS);
            long last = -1;
            for (int i = 0; i < 10; i++) {
                last = stream.ingestRecordOffset("{\"device_name\":\"new-sp-" + i + "\",\"temp\":" + i + ",\"humidity\":1,\"ts\":1700000000000000}");
            }
            stream.waitForOffset(last);
            stream.close();

            assertThat(last).isEqualTo(9);
            assertThat(count(table)).isEqualTo(before + 10);
        }
    }

    /** Created principals and their secrets' hashes survive a restart; the secret value is never on disk. */
    @Test
    void createdPrincipalsAndTheirSecretsSurviveARestart(@TempDir Path ownDir) throws Exception {
        String applicationId;
        String secret;
        try (SandboxWorkspace first = SandboxWorkspace.start(SandboxOptions.defaults(ownDir))) {
            WorkspaceClient firstAdmin = SdkClients.admin(first);
            ServicePrincipal created = firstAdmin.servicePrincipals().create(new ServicePrincipal().setDisplayName("kept"));
            applicationId = created.getApplicationId();
            secret = firstAdmin.servicePrincipalSecretsProxy().create(
                    new CreateServicePrincipalSecretRequest().setServicePrincipalId(created.getId())).getSecret();
        }
        String onDisk = Files.readString(ownDir.resolve("principals.json"));

        try (SandboxWorkspace second = SandboxWorkspace.start(SandboxOptions.defaults(ownDir))) {
            String me = SdkClients.of(second, applicationId, secret).currentUser().me(new MeRequest()).getUserName();

            assertThat(me).isEqualTo(applicationId);
            assertThat(onDisk).contains(applicationId).contains("kept").doesNotContain(secret);
        }
    }

    private static long count(String table) {
        var info = sandbox.context().state().table(table);
        return sandbox.context().tables().count(info.tableId());
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var builder = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) builder.header("Authorization", "Bearer " + token);
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
