package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointParserTest {

    @Test
    void readsCloudRegionAndWorkspaceIdOfAnAwsEndpoint() {
        EndpointInfo info = EndpointParser.parse("1234567890123456.zerobus.us-west-2.cloud.databricks.com",
                "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        assertThat(info.isValid()).isTrue();
        assertThat(info.cloud()).isEqualTo(Cloud.AWS);
        assertThat(info.region()).isEqualTo("us-west-2");
        assertThat(info.workspaceId()).isEqualTo("1234567890123456");
        assertThat(info.tls()).isTrue();
        assertThat(info.port()).isEqualTo(443);
        assertThat(info.summary()).isEqualTo("AWS us-west-2, workspace 1234567890123456");
    }

    @Test
    void readsAnAzureEndpointAndMatchesTheWorkspaceIdOfTheUrl() {
        EndpointInfo info = EndpointParser.parse("https://987654321012345.zerobus.westeurope.azuredatabricks.net",
                "https://adb-987654321012345.12.azuredatabricks.net/");
        assertThat(info.problems()).isEmpty();
        assertThat(info.cloud()).isEqualTo(Cloud.AZURE);
        assertThat(info.region()).isEqualTo("westeurope");
    }

    @Test
    void readsAGcpEndpointAndMatchesTheWorkspaceIdOfTheUrl() {
        // Shapes from https://docs.databricks.com/gcp/en/ingestion/zerobus-ingest
        EndpointInfo info = EndpointParser.parse("1234567890123456.zerobus.us-central1.gcp.databricks.com",
                "https://1234567890123456.0.gcp.databricks.com/?o=1234567890123456");
        assertThat(info.problems()).isEmpty();
        assertThat(info.cloud()).isEqualTo(Cloud.GCP);
        assertThat(info.region()).isEqualTo("us-central1");
        assertThat(info.workspaceId()).isEqualTo("1234567890123456");
        assertThat(info.tls()).isTrue();
        assertThat(info.port()).isEqualTo(443);
        assertThat(info.summary()).isEqualTo("Google Cloud us-central1, workspace 1234567890123456");
    }

    @Test
    void gcpEndpointProblemsAreNamedLikeAwsAndAzure() {
        assertThat(EndpointParser.parse("222222222222222.zerobus.europe-west3.gcp.databricks.com",
                "https://1234567890123456.3.gcp.databricks.com").problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("workspace id 222222222222222 differs from the workspace URL's id 1234567890123456");
                    assertThat(p.copyableFix()).isEqualTo("1234567890123456.zerobus.<region>.gcp.databricks.com");
                });
        assertThat(EndpointParser.parse("1234567890123456.zerobus.us-central1.gcp.databricks.com",
                "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com").problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).isEqualTo("The endpoint is on GCP but the workspace URL 'dbc-a1b2c3d4-e5f6.cloud.databricks.com' is on AWS.");
                    assertThat(p.fix()).contains("<workspace-id>.zerobus.<region>.cloud.databricks.com");
                });
        assertThat(EndpointParser.parse("1234567890123456.zerobus.us-west-2.cloud.databricks.com",
                "https://1234567890123456.0.gcp.databricks.com").problems()).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("<workspace-id>.zerobus.<region>.gcp.databricks.com"));
        assertThat(EndpointParser.parse("1234567890123456.zerobus.Central US.gcp.databricks.com", null).problems()).isNotEmpty();
        assertThat(EndpointParser.parse("1234567890123456.zerobus.uscentral.gcp.databricks.com", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("'uscentral' is not a Google Cloud region name."));
        assertThat(EndpointParser.parse("abc.zerobus.us-central1.gcp.databricks.com", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'abc' is not a workspace id"));
        assertThat(EndpointParser.parse("1234567890123456.0.gcp.databricks.com", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)"));
        assertThat(EndpointParser.cloudOfWorkspaceHost("1234567890123456.0.gcp.databricks.com")).isEqualTo(Cloud.GCP);
    }

    @Test
    void namesAWorkspaceIdThatDiffersFromTheWorkspaceUrls() {
        EndpointInfo info = EndpointParser.parse("111111111111111.zerobus.westeurope.azuredatabricks.net",
                "https://adb-987654321012345.12.azuredatabricks.net");
        assertThat(info.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("workspace id 111111111111111 differs from the workspace URL's id 987654321012345");
            assertThat(p.copyableFix()).isEqualTo("987654321012345.zerobus.<region>.azuredatabricks.net");
        });
    }

    @Test
    void namesARegionZerobusDoesNotServe() {
        EndpointInfo info = EndpointParser.parse("1234567890123456.zerobus.af-south-1.cloud.databricks.com", null);
        assertThat(info.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("Zerobus is not available in the AWS region 'af-south-1'.");
            assertThat(p.fix()).contains("us-west-2").contains("eu-central-1");
        });
    }

    @Test
    void explainsMalformedHosts() {
        assertThat(EndpointParser.parse("dbc-a1b2.cloud.databricks.com", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not a Zerobus endpoint (is it the workspace URL?)"));
        assertThat(EndpointParser.parse("abc.zerobus.us-west-2.cloud.databricks.com", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'abc' is not a workspace id"));
        assertThat(EndpointParser.parse("", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("The Zerobus endpoint is empty."));
        assertThat(EndpointParser.parse("1234567890123456.zerobus.us-west-2.cloud.databricks.com/ingest", null).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("has a path ('/ingest')"));
    }

    @Test
    void refusesPlaintextToNonLoopbackHostsButTakesItOnLoopback() {
        assertThat(EndpointParser.parse("http://1234567890123456.zerobus.us-west-2.cloud.databricks.com", null).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("uses http:// to '1234567890123456.zerobus"));
        EndpointInfo local = EndpointParser.parse("http://127.0.0.1:50051", "http://127.0.0.1:8080");
        assertThat(local.isValid()).isTrue();
        assertThat(local.cloud()).isEqualTo(Cloud.LOCAL);
        assertThat(local.tls()).isFalse();
        assertThat(local.port()).isEqualTo(50051);
    }

    @Test
    void notesACloudMismatchBetweenEndpointAndWorkspace() {
        EndpointInfo info = EndpointParser.parse("1234567890123456.zerobus.us-west-2.cloud.databricks.com",
                "https://adb-1234567890123456.3.azuredatabricks.net");
        assertThat(info.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("The endpoint is on AWS but the workspace URL 'adb-1234567890123456.3.azuredatabricks.net' is on AZURE."));
    }
}
