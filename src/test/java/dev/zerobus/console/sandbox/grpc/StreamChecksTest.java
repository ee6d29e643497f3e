package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.ALL_TYPES;
import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.databricks.zerobus.NonRetriableException;
import com.databricks.zerobus.ZerobusJsonStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of the service as the real SDK reports it: a {@link NonRetriableException} with the service's message. */
class StreamChecksTest {
    @TempDir
    Path dir;
    SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = new SandboxFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** The exception stream creation fails with (unwrapped from the future). */
    Throwable createFailure(String table, String clientId, String secret) {
        Throwable t = catchThrowable(() -> fx.sdk.createJsonStream(table, clientId, secret, SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        return t.getCause();
    }

    Throwable protoCreateFailure(String table, DescriptorProto descriptor) {
        Throwable t = catchThrowable(() -> fx.sdk.createProtoStream(table, descriptor, fx.clientId(), fx.secret(),
                SandboxFixture.options().build()).get(30, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        return t.getCause();
    }

    /** Ingests the JSON records as one request (a batch when more than one) and returns what waitForOffset throws. */
    Throwable jsonIngestFailure(String table, String... records) throws Exception {
        ZerobusJsonStream stream = fx.sdk.createJsonStream(table, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        long offset = records.length == 1 ? stream.ingestRecordOffset(records[0]) : stream.ingestRecordsOffset(List.of(records)).orElseThrow();
        Throwable t = catchThrowable(() -> stream.waitForOffset(offset));
        stream.close();
        return t;
    }

    Throwable protoIngestFailure(String table, byte[] record) throws Exception {
        var stream = fx.sdk.createProtoStream(table, fx.descriptor(table).toProto(), fx.clientId(), fx.secret(),
                SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
        long offset = stream.ingestRecordOffset(record);
        Throwable t = catchThrowable(() -> stream.waitForOffset(offset));
        stream.close();
        return t;
    }

    // ---- schema leniency: https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management ----------------

    /** The sensors descriptor without the named (top-level) fields. */
    DescriptorProto sensorsWithout(String... fields) throws Exception {
        DescriptorProto.Builder b = fx.descriptor(SENSORS).toProto().toBuilder();
        for (String field : fields) b.removeField(indexOf(b.build(), field));
        return b.build();
    }

    @Test
    void aDescriptorWithoutNullableColumnsIsAcceptedAndTheyLandAsNull() throws Exception {
        DescriptorProto partial = sensorsWithout("humidity", "ts");
        Descriptor d = com.google.protobuf.Descriptors.FileDescriptor.buildFrom(com.google.protobuf.DescriptorProtos.FileDescriptorProto
                .newBuilder().setName("p.proto").setSyntax("proto2").addMessageType(partial).build(),
                new com.google.protobuf.Descriptors.FileDescriptor[0]).findMessageTypeByName(partial.getName());
        var stream = fx.sdk.createProtoStream(SENSORS, partial, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        long offset = stream.ingestRecordOffset(DynamicMessage.newBuilder(d).setField(d.findFieldByName("device_name"), "partial-1")
                .setField(d.findFieldByName("temp"), 21).build().toByteArray());
        stream.waitForOffset(offset);
        stream.close();

        assertThat(fx.rows(SENSORS)).singleElement().satisfies(row -> assertThat(row).containsExactly("partial-1", 21, null, null));
    }

    @Test
    void jsonRecordsWithoutNullableColumnsLandWithNulls() throws Exception {
        ZerobusJsonStream stream = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        stream.ingestRecordOffset("{\"device_name\":\"only-name\"}");
        stream.waitForOffset(stream.ingestRecordOffset("{\"device_name\":\"with-ts\",\"ts\":1714566600000000}"));
        stream.close();

        assertThat(fx.rows(SENSORS)).extracting(row -> List.of(java.util.Arrays.asList(row)))
                .containsExactly(List.of(java.util.Arrays.asList("only-name", null, null, null)),
                        List.of(java.util.Arrays.asList("with-ts", null, null, 1714566600000000L)));
    }

    @Test
    void aDescriptorWithoutANotNullColumnIsRefusedWithCode4044() throws Exception {
        assertThat(protoCreateFailure(SENSORS, sensorsWithout("device_name", "ts"))).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument")
                .hasMessageContaining("(1 difference): Column 'device_name' (string NOT NULL) has no field in the descriptor")
                .hasMessageContaining("Error Code: 4044, Error State: 3.")
                .hasMessageNotContaining("'ts'");
    }

    @Test
    void anUnknownFieldIsRefusedWithCode4044InADescriptorAndInARecord() throws Exception {
        DescriptorProto extra = fx.descriptor(SENSORS).toProto().toBuilder().addField(FieldDescriptorProto.newBuilder()
                .setName("pressure").setNumber(9).setType(Type.TYPE_INT32).setLabel(Label.LABEL_OPTIONAL)).build();
        assertThat(protoCreateFailure(SENSORS, extra)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("Field 'pressure' is not a column of table main.default.sensor_readings")
                .hasMessageContaining("Error Code: 4044, Error State: 3.");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"pressure\":3}")).isInstanceOf(NonRetriableException.class)
                // as the SDK shows the service's own rejection: "Invalid argument: Record decoder/encoder error: ... 4044, Error State: 3.."
                .hasMessageStartingWith("Invalid argument: Record decoder/encoder error: Record at offset 0 does not fit table main.default.sensor_readings: "
                        + "pressure: unknown column (not in the table). Error Code: 4044, Error State: 3.");
    }

    @Test
    void aTypeMismatchIsRefusedWithCode4044InADescriptorAndInARecord() throws Exception {
        DescriptorProto table = fx.descriptor(SENSORS).toProto();
        DescriptorProto wrong = table.toBuilder().setField(1, table.getField(1).toBuilder().setType(Type.TYPE_STRING)).build();
        assertThat(protoCreateFailure(SENSORS, wrong)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("Field 'temp' has type optional string, expected optional int32 for column type int")
                .hasMessageContaining("Error Code: 4044, Error State: 3.");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"temp\":\"72F\"}")).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("temp: invalid type: string \"72F\", expected an integer. Error Code: 4044, Error State: 3.");
    }

    @Test
    void aJsonRecordWithoutANotNullColumnIsRefusedWithCode4044() throws Exception {
        assertThat(jsonIngestFailure(SENSORS, "{\"temp\":3}")).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("device_name: missing but the column is NOT NULL. Error Code: 4044, Error State: 3.");
    }

    @Test
    void unknownTableIsNotFound() {
        assertThat(createFailure("main.default.nope", fx.clientId(), fx.secret())).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: NotFound").hasMessageContaining("Table 'main.default.nope' does not exist");
    }

    @Test
    void malformedTableNameIsInvalidArgument() {
        assertThat(createFailure("main.default.bad-name", fx.clientId(), fx.secret())).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument").hasMessageContaining("Invalid table name 'main.default.bad-name'");
    }

    @Test
    void missingTableGrantsArePermissionDeniedWithTheGrantStatement() {
        Throwable t = createFailure(SENSORS, SandboxPrincipals.NO_GRANTS, fx.sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        assertThat(t).isInstanceOf(NonRetriableException.class).hasMessageContaining("status: PermissionDenied")
                .hasMessageContaining("Error Code: 4024, Error State: 0.")
                .hasMessageContaining("GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }

    @Test
    void schemaLevelGrantsDoNotCountAndOnlyTheMissingPrivilegeIsNamed() {
        var state = fx.sandbox.context().state();
        state.updateGrants(Securable.schema("main.default"), SandboxPrincipals.NO_GRANTS, List.of("SELECT", "MODIFY"), List.of());
        state.updateGrants(Securable.table(SENSORS), SandboxPrincipals.NO_GRANTS, List.of("SELECT"), List.of());
        Throwable t = createFailure(SENSORS, SandboxPrincipals.NO_GRANTS, fx.sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        assertThat(t).isInstanceOf(NonRetriableException.class).hasMessageContaining("status: PermissionDenied")
                .hasMessageContaining("lacks MODIFY on table").hasMessageContaining("GRANT MODIFY ON TABLE main.default.sensor_readings");
    }

    @Test
    void wrongSecretFailsAtTheTokenEndpointWithoutRetry() {
        assertThat(createFailure(SENSORS, fx.clientId(), "wrong")).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("401").hasMessageContaining("wrong client secret");
    }

    @Test
    void expiredTokenIsUnauthenticated(@TempDir Path other) {
        try (var expiring = new SandboxFixture(SandboxOptions.defaults(other).withTokenLifetime(Duration.ZERO))) {
            Throwable t = catchThrowable(() -> expiring.sdk.createJsonStream(SENSORS, expiring.clientId(), expiring.secret(),
                    SandboxFixture.options().build()).get(30, TimeUnit.SECONDS));
            assertThat(t.getCause()).isInstanceOf(NonRetriableException.class).hasMessageContaining("status: Unauthenticated")
                    .hasMessageContaining("Token expired at").hasMessageContaining("client 'sandbox-sp'");
        }
    }

    @Test
    void nonManagedTableIsInvalidArgument() {
        fx.sandbox.context().state().createTable("main", "default", "external_events", "EXTERNAL", "DELTA",
                List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), true)), null, SandboxPrincipals.GRANTED, Map.of());
        assertThat(createFailure("main.default.external_events", fx.clientId(), fx.secret())).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument")
                .hasMessageContaining("Table 'main.default.external_events' is a EXTERNAL DELTA table; Zerobus ingests only into managed Delta tables");
    }

    @Test
    void tableWithUnsupportedColumnsIsInvalidArgumentNamingThem() {
        fx.sandbox.context().state().createTable("main", "default", "prices", "MANAGED", "DELTA",
                List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), true),
                        new TableColumn("price", new ColumnType.Decimal(10, 2), true)), null, SandboxPrincipals.GRANTED, Map.of());
        assertThat(createFailure("main.default.prices", fx.clientId(), fx.secret())).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument")
                .hasMessageContaining("Column 'price' has type 'decimal(10,2)'");
    }

    @Test
    void descriptorMismatchListsEveryDifference() throws Exception {
        DescriptorProto table = fx.descriptor(SENSORS).toProto();
        DescriptorProto bad = table.toBuilder()
                .setField(0, table.getField(0).toBuilder().setLabel(Label.LABEL_OPTIONAL))   // device_name is NOT NULL
                .setField(1, table.getField(1).toBuilder().setType(Type.TYPE_STRING))        // temp is int
                .removeField(3)                                                               // ts (nullable) left out: accepted
                .addField(FieldDescriptorProto.newBuilder().setName("extra").setNumber(9).setType(Type.TYPE_STRING)
                        .setLabel(Label.LABEL_OPTIONAL))
                .build();
        assertThat(protoCreateFailure(SENSORS, bad)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument")
                .hasMessageContaining("(3 differences)").hasMessageContaining("Error Code: 4044, Error State: 3.")
                .hasMessageContaining("Field 'device_name' is optional but must be required (the column is NOT NULL)")
                .hasMessageContaining("Field 'temp' has type optional string, expected optional int32 for column type int")
                .hasMessageContaining("Field 'extra' is not a column of table main.default.sensor_readings");
    }

    @Test
    void nestedDifferencesAreFoundButNestedNamesNeedNotMatch() throws Exception {
        DescriptorProto table = fx.descriptor(ALL_TYPES).toProto();
        String renamed = table.toString().replace("CStruct", "Address").replace("Geo", "Position");
        var builder = DescriptorProto.newBuilder();
        TextFormat.merge(renamed, builder);
        assertThat(builder.build()).isNotEqualTo(table);
        var ok = fx.sdk.createProtoStream(ALL_TYPES, builder.build(), fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        ok.close();

        DescriptorProto.Builder b = builder.build().toBuilder();
        DescriptorProto.Builder address = nested(b, "Address");
        DescriptorProto.Builder position = nested(address, "Position");
        position.setField(0, position.getField(0).toBuilder().setType(Type.TYPE_FLOAT));
        DescriptorProto.Builder entry = nested(b, "CMapEntry");
        entry.setField(1, entry.getField(1).toBuilder().setType(Type.TYPE_STRING));
        int map = indexOf(b.build(), "c_map");
        assertThat(map).isPositive();
        assertThat(protoCreateFailure(ALL_TYPES, b.build())).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("(2 differences)")
                .hasMessageContaining("Field 'c_struct.geo.lat' has type optional float, expected optional double")
                .hasMessageContaining("Field 'c_map' has type map<string, string>, expected map<string, int32>");
    }

    private static DescriptorProto.Builder nested(DescriptorProto.Builder parent, String name) {
        for (DescriptorProto.Builder n : parent.getNestedTypeBuilderList()) if (n.getName().equals(name)) return n;
        throw new AssertionError("no nested " + name);
    }

    private static int indexOf(DescriptorProto d, String field) {
        for (int i = 0; i < d.getFieldCount(); i++) if (d.getField(i).getName().equals(field)) return i;
        return -1;
    }

    @Test
    void descriptorThatDoesNotParseIsInvalidArgument() throws Exception {
        DescriptorProto table = fx.descriptor(SENSORS).toProto();
        DescriptorProto bad = table.toBuilder().setField(1, table.getField(1).toBuilder().setType(Type.TYPE_MESSAGE)
                .setTypeName(".sensor_readings.Missing")).build();
        assertThat(protoCreateFailure(SENSORS, bad)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("status: InvalidArgument").hasMessageContaining("does not parse")
                .hasMessageContaining(".sensor_readings.Missing");
    }

    @Test
    void jsonRecordsThatDoNotFitNameTheOffsetAndField() throws Exception {
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"ts\":\"2024-01-01T00:00:00Z\"}"))
                .isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("Record at offset 0 does not fit table main.default.sensor_readings: ts: timestamps must be integer microseconds since the epoch; strings are rejected");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"pressure\":3}"))
                .hasMessageContaining("pressure: unknown column");
        assertThat(jsonIngestFailure(SENSORS, "{\"temp\":3}")).hasMessageContaining("device_name: missing but the column is NOT NULL");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":null}")).hasMessageContaining("device_name: null but the column is NOT NULL");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"temp\":\"hot\"}")).hasMessageContaining("temp: invalid type: string \"hot\", expected an integer");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\",\"temp\":2147483648}")).hasMessageContaining("temp: 2147483648 is outside INT range");
        assertThat(jsonIngestFailure(SENSORS, "not json")).hasMessageContaining("not valid JSON");
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\"}", "{\"device_name\":\"b\",\"humidity\":1.5}"))
                .hasMessageContaining("Record 1 of the batch at offset 0").hasMessageContaining("humidity: invalid type: floating point `1.5`, expected an integer");
    }

    @Test
    void nestedJsonValuesAreCheckedAgainstTheirTypes() throws Exception {
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_tinyint\":300}")).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("c_tinyint: 300 is outside TINYINT range -128..127");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_smallint\":-40000}")).hasMessageContaining("c_smallint: -40000 is outside SMALLINT range");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_struct\":{\"geo\":{\"lat\":\"n\"}}}"))
                .hasMessageContaining("c_struct.geo.lat: invalid type: string \"n\", expected a number");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_struct\":{\"city\":\"x\"}}")).hasMessageContaining("c_struct.city: unknown field");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_array\":[1,\"2\"]}")).hasMessageContaining("c_array[1]: invalid type: string \"2\", expected an integer");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_map\":{\"a\":true}}")).hasMessageContaining("c_map[\"a\"]: invalid type: boolean `true`, expected an integer");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_binary\":\"***\"}")).hasMessageContaining("c_binary: binary values are base64 strings");
        assertThat(jsonIngestFailure(ALL_TYPES, "{\"id\":1,\"c_date\":\"2024-01-01\"}")).hasMessageContaining("c_date: invalid type: string \"2024-01-01\", expected an integer");
    }

    @Test
    void protoRecordsThatDoNotFitNameTheOffsetAndField() throws Exception {
        Descriptor d = fx.descriptor(SENSORS);
        byte[] noDevice = DynamicMessage.newBuilder(d).setField(d.findFieldByName("temp"), 3).buildPartial().toByteArray();
        assertThat(protoIngestFailure(SENSORS, noDevice)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("Record at offset 0 does not fit table main.default.sensor_readings: device_name: required field missing");
        assertThat(protoIngestFailure(SENSORS, new byte[] {(byte) 0xff, (byte) 0xff, 0x01})).hasMessageContaining("does not decode as message sensor_readings");
        Descriptor all = fx.descriptor(ALL_TYPES);
        byte[] bigTiny = DynamicMessage.newBuilder(all).setField(all.findFieldByName("id"), 1L)
                .setField(all.findFieldByName("c_tinyint"), 300).build().toByteArray();
        assertThat(protoIngestFailure(ALL_TYPES, bigTiny)).hasMessageContaining("c_tinyint: 300 is outside TINYINT range -128..127");
    }

    @Test
    void messageOverTenMegabytesIsRejectedWithoutRetry() throws Exception {
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"" + "x".repeat(11_000_000) + "\"}"))
                .isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("The request at offset 0 is 11000030 bytes; the limit is 10485760 bytes (10 MB) per message");
        // above grpc-java's usual 16 MB inbound limits too: still the service's error, not a transport one the SDK retries
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"" + "x".repeat(20_000_000) + "\"}"))
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("is 20000030 bytes; the limit is 10485760 bytes");
    }

    @Test
    void aFailingStreamDoesNotDisturbAnotherStream() throws Exception {
        ZerobusJsonStream good = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) good.ingestRecordOffset(IngestionTest.json(i));
        assertThat(jsonIngestFailure(SENSORS, "{\"device_name\":\"a\"}", "{\"temp\":1}")).isInstanceOf(NonRetriableException.class);
        assertThat(createFailure("main.default.nope", fx.clientId(), fx.secret())).isInstanceOf(NonRetriableException.class);
        long last = -1;
        for (int i = 100; i < 200; i++) last = good.ingestRecordOffset(IngestionTest.json(i));
        good.waitForOffset(last);
        good.close();
        assertThat(fx.rows(SENSORS)).extracting(r -> r[0]).containsExactlyElementsOf(
                IntStream.range(0, 200).mapToObj(i -> "dev-" + i).toList());
    }

    static ByteString bytes(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
