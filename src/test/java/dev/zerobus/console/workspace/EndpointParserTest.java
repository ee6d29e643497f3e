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

    @Test
    void namesAnUnknownCloudDomainAndAWorkspaceIdThatIsNoNumber() {
        assertThat(EndpointParser.parse("foo.zerobus.nowhere", null).problems()).extracting(Problem::message).containsExactly(
                "'foo' is not a workspace id: workspace ids are numbers like 1234567890123456.",
                "'nowhere' is not a Databricks cloud domain.");
        assertThat(EndpointParser.parse("1234567890123456.zerobus.us-west-2.example.com", null).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).startsWith("'example.com' is not a Databricks cloud domain");
                    assertThat(p.fix()).isEqualTo("End the endpoint with <region>.cloud.databricks.com (AWS), <region>.azuredatabricks.net "
                            + "(Azure) or <region>.gcp.databricks.com (Google Cloud).");
                });
    }

    @Test
    void namesAMissingWorkspaceIdAndFillsItInFromTheWorkspaceUrl() {
        assertThat(EndpointParser.parse("zerobus.us-west-2.cloud.databricks.com", null).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("The workspace id is missing: the endpoint starts with 'zerobus.'.");
            assertThat(p.fix()).contains("the number after ?o= in your workspace's URL");
            assertThat(p.copyableFix()).isNull();
        });
        assertThat(EndpointParser.parse("zerobus.westeurope.azuredatabricks.net", "https://adb-987654321012345.12.azuredatabricks.net")
                .problems()).singleElement().satisfies(p -> {
                    assertThat(p.fix()).contains("987654321012345 for this workspace URL");
                    assertThat(p.copyableFix()).isEqualTo("987654321012345.zerobus.westeurope.azuredatabricks.net");
                });
    }

    @Test
    void namesAMissingRegionOrDomain() {
        assertThat(EndpointParser.parse("1234567890123456.zerobus.cloud.databricks.com", null).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("The region is missing between 'zerobus.' and '.cloud.databricks.com'.");
                    assertThat(p.fix()).contains("AWS region", "us-west-2");
                });
        assertThat(EndpointParser.parse("1234567890123456.zerobus", null).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("The region and the cloud's domain are missing after 'zerobus.'."));
        assertThat(EndpointParser.parse("1234567890123456.zerobus.west.europe.azuredatabricks.net", null).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("'west.europe' is not an Azure region name.");
                    assertThat(p.fix()).contains("Azure region", "westeurope");
                });
    }

    @Test
    void aLocalEndpointNeedsItsPortAndPlainHttpWhenTheWorkspaceIsTheLocalSandbox() {
        assertThat(EndpointParser.parse("localhost", null).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("The local endpoint 'localhost' has no port.");
            assertThat(p.copyableFix()).isEqualTo("http://localhost:<port>");
        });
        assertThat(EndpointParser.parse("127.0.0.1:50051", "http://127.0.0.1:8080").problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("would be reached over TLS", "serves Zerobus without TLS");
            assertThat(p.copyableFix()).isEqualTo("http://127.0.0.1:50051");
        });
        assertThat(EndpointParser.parse("http://localhost:50051", "http://localhost:8080").problems()).isEmpty();
    }

    @Test
    void saysWhichShapesFitWhatIsTypedSoFar() {
        String all = EndpointParser.expectedShape("foo");
        assertThat(EndpointParser.expectedShapes("foo")).containsExactly("<workspace-id>.zerobus.<region>.cloud.databricks.com (AWS)",
                "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure)", "<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)",
                "http://localhost:<port> or http://127.0.0.1:<port> (the local sandbox)");
        assertThat(all).startsWith("<workspace-id>.zerobus.<region>.cloud.databricks.com (AWS), ")
                .endsWith("(Google Cloud) or http://localhost:<port> or http://127.0.0.1:<port> (the local sandbox)");
        assertThat(EndpointParser.expectedShape("foo.zerobus.nowhere")).isEqualTo(all);
        assertThat(EndpointParser.expectedShape("1234.zerobus.us-west-2.cloud.data"))
                .isEqualTo("<workspace-id>.zerobus.<region>.cloud.databricks.com (AWS)");
        assertThat(EndpointParser.expectedShape("1234.zerobus.westeurope.azure"))
                .isEqualTo("<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure)");
        assertThat(EndpointParser.expectedShape("1234.zerobus.us-central1.g")).isEqualTo("<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)");
    }
}
