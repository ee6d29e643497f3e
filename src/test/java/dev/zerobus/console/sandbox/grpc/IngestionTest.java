package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.ALL_TYPES;
import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusProtoStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.sandbox.Durability;
import dev.zerobus.console.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IngestionTest {
    private static final int RECORDS = 10_000;
    private static final long TS = 1_700_000_000_000_000L;

    @RegisterExtension final SandboxFixture fx = new SandboxFixture();

    static String json(int i) {
        return "{\"device_name\":\"dev-" + i + "\",\"temp\":" + (i % 50) + ",\"humidity\":" + (i % 100) + ",\"ts\":" + (TS + i) + "}";
    }

    byte[] proto(Descriptor d, int i) {
        return DynamicMessage.newBuilder(d).setField(d.findFieldByName("device_name"), "dev-" + i)
                .setField(d.findFieldByName("temp"), i % 50).setField(d.findFieldByName("humidity"), i % 100)
                .setField(d.findFieldByName("ts"), TS + i).build().toByteArray();
    }

    void assertSensorRows() {
        List<Object[]> rows = fx.rows(SENSORS);
        assertThat(rows).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            assertThat(rows.get(i)).containsExactly("dev-" + i, i % 50, i % 100, TS + i);
        }
    }

    @Test
    void landsTenThousandSingleJsonRecordsInOrder() throws Exception {
        ZerobusJsonStream stream = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        long last = -1;
        for (int i = 0; i < RECORDS; i++) last = stream.ingestRecordOffset(json(i));
        stream.waitForOffset(last);
        stream.close();
        assertThat(last).isEqualTo(RECORDS - 1);
        assertSensorRows();
    }

    @Test
    void landsTenThousandJsonRecordsSentInBatches() throws Exception {
        ZerobusJsonStream stream = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(),
                SandboxFixture.options().setMaxInflightRecords(64).build()).get(30, TimeUnit.SECONDS);
        for (int b = 0; b < RECORDS / 500; b++) {
            List<String> batch = new ArrayList<>();
            for (int i = b * 500; i < (b + 1) * 500; i++) batch.add(json(i));
            assertThat(stream.ingestRecordsOffset(batch)).contains((long) b);
        }
        stream.flush();
        stream.close();
        assertSensorRows();
    }

    @Test
    void landsTenThousandSingleProtoRecordsInOrder() throws Exception {
        Descriptor d = fx.descriptor(SENSORS);
        ZerobusProtoStream stream = fx.sdk.createProtoStream(SENSORS, d.toProto(), fx.clientId(), fx.secret(),
                SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
        long last = -1;
        for (int i = 0; i < RECORDS; i++) last = stream.ingestRecordOffset(proto(d, i));
        stream.waitForOffset(last);
        stream.close();
        assertSensorRows();
    }

    @Test
    void landsTenThousandProtoRecordsSentInBatches() throws Exception {
        Descriptor d = fx.descriptor(SENSORS);
        ZerobusProtoStream stream = fx.sdk.createProtoStream(SENSORS, d.toProto(), fx.clientId(), fx.secret(),
                SandboxFixture.options().setMaxInflightRecords(64).build()).get(30, TimeUnit.SECONDS);
        long last = -1;
        for (int b = 0; b < RECORDS / 1000; b++) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = b * 1000; i < (b + 1) * 1000; i++) batch.add(proto(d, i));
            last = stream.ingestRecordsOffset(batch).orElseThrow();
        }
        stream.waitForOffset(last);
        stream.close();
        assertSensorRows();
    }

    @Test
    void acknowledgesWithoutStoringWhenDurabilityIsNone(@TempDir Path other) throws Exception {
        try (var nullSink = new SandboxFixture(SandboxOptions.defaults(other)
                .withDurability(Durability.NONE))) {
            ZerobusJsonStream stream = nullSink.sdk.createJsonStream(SENSORS, nullSink.clientId(), nullSink.secret(),
                    SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
            long last = -1;
            for (int i = 0; i < 1_000; i++) last = stream.ingestRecordOffset(json(i));
            stream.waitForOffset(last);
            stream.close();
            assertThat(last).isEqualTo(999);
            assertThat(nullSink.count(SENSORS)).isZero();
        }
    }

    @Test
    void landsEveryAllTypesColumnFromJson() throws Exception {
        ZerobusJsonStream stream = fx.sdk.createJsonStream(ALL_TYPES, fx.clientId(), fx.secret(), SandboxFixture.options().build())
                .get(30, TimeUnit.SECONDS);
        String full = """
                {"id":1,"c_boolean":true,"c_tinyint":-128,"c_smallint":32767,"c_int":-2147483648,"c_bigint":9223372036854775807,
                 "c_float":1.5,"c_double":-2.25,"c_string":"héllo","c_binary":"%s","c_date":19700,"c_timestamp":%d,
                 "c_timestamp_ntz":%d,"c_array":[1,2,3],"c_map":{"a":1,"b":2},
                 "c_struct":{"street":"Main","zip":12345,"geo":{"lat":1.25,"lon":-3.5}},
                 "c_array_struct":[{"k":"x","v":7},{"k":"y","v":null}]}
                """.formatted(Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 255}), TS, TS + 1);
        stream.ingestRecordOffset(full);
        long last = stream.ingestRecordOffset("{\"id\":2,\"c_string\":null}");
        stream.waitForOffset(last);
        stream.close();

        List<Object[]> rows = fx.rows(ALL_TYPES);
        assertThat(rows).hasSize(2);
        assertFullRow(rows.get(0));
        assertThat(rows.get(1)[0]).isEqualTo(2L);
        assertThat(Arrays.asList(rows.get(1)).subList(1, 17)).containsOnlyNulls();
    }

    @Test
    void landsEveryAllTypesColumnFromProto() throws Exception {
        Descriptor d = fx.descriptor(ALL_TYPES);
        Descriptor struct = d.findFieldByName("c_struct").getMessageType();
        Descriptor geo = struct.findFieldByName("geo").getMessageType();
        Descriptor mapEntry = d.findFieldByName("c_map").getMessageType();
        Descriptor kv = d.findFieldByName("c_array_struct").getMessageType();
        var b = DynamicMessage.newBuilder(d);
        b.setField(d.findFieldByName("id"), 1L).setField(d.findFieldByName("c_boolean"), true)
                .setField(d.findFieldByName("c_tinyint"), -128).setField(d.findFieldByName("c_smallint"), 32767)
                .setField(d.findFieldByName("c_int"), Integer.MIN_VALUE).setField(d.findFieldByName("c_bigint"), Long.MAX_VALUE)
                .setField(d.findFieldByName("c_float"), 1.5f).setField(d.findFieldByName("c_double"), -2.25)
                .setField(d.findFieldByName("c_string"), "héllo")
                .setField(d.findFieldByName("c_binary"), ByteString.copyFrom(new byte[] {1, 2, (byte) 255}))
                .setField(d.findFieldByName("c_date"), 19700).setField(d.findFieldByName("c_timestamp"), TS)
                .setField(d.findFieldByName("c_timestamp_ntz"), TS + 1);
        for (int v : new int[] {1, 2, 3}) b.addRepeatedField(d.findFieldByName("c_array"), v);
        for (var e : Map.of("a", 1, "b", 2).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            b.addRepeatedField(d.findFieldByName("c_map"), DynamicMessage.newBuilder(mapEntry)
                    .setField(mapEntry.findFieldByName("key"), e.getKey()).setField(mapEntry.findFieldByName("value"), e.getValue()).build());
        }
        b.setField(d.findFieldByName("c_struct"), DynamicMessage.newBuilder(struct)
                .setField(struct.findFieldByName("street"), "Main").setField(struct.findFieldByName("zip"), 12345)
                .setField(struct.findFieldByName("geo"), DynamicMessage.newBuilder(geo)
                        .setField(geo.findFieldByName("lat"), 1.25).setField(geo.findFieldByName("lon"), -3.5).build()).build());
        b.addRepeatedField(d.findFieldByName("c_array_struct"), DynamicMessage.newBuilder(kv)
                .setField(kv.findFieldByName("k"), "x").setField(kv.findFieldByName("v"), 7L).build());
        b.addRepeatedField(d.findFieldByName("c_array_struct"), DynamicMessage.newBuilder(kv)
                .setField(kv.findFieldByName("k"), "y").build());
        ZerobusProtoStream stream = fx.sdk.createProtoStream(ALL_TYPES, d.toProto(), fx.clientId(), fx.secret(),
                SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
        stream.ingestRecordOffset(b.build().toByteArray());
        long last = stream.ingestRecordOffset(DynamicMessage.newBuilder(d).setField(d.findFieldByName("id"), 2L).build().toByteArray());
        stream.waitForOffset(last);
        stream.close();

        List<Object[]> rows = fx.rows(ALL_TYPES);
        assertThat(rows).hasSize(2);
        assertFullRow(rows.get(0));
        Object[] sparse = rows.get(1);
        assertThat(sparse[0]).isEqualTo(2L);
        assertThat(Arrays.asList(sparse).subList(1, 13)).containsOnlyNulls();
        // protobuf cannot tell an absent repeated or map field from an empty one
        assertThat(sparse[13]).isEqualTo(List.of());
        assertThat(sparse[14]).isEqualTo(Map.of());
        assertThat(sparse[15]).isNull();
        assertThat(sparse[16]).isEqualTo(List.of());
    }

    private static void assertFullRow(Object[] row) {
        assertThat(row).hasSize(17);
        assertThat(Arrays.asList(row).subList(0, 9)).containsExactly(1L, true, (byte) -128, (short) 32767, Integer.MIN_VALUE,
                Long.MAX_VALUE, 1.5f, -2.25, "héllo");
        assertThat((byte[]) row[9]).containsExactly(1, 2, (byte) 255);
        assertThat(row[10]).isEqualTo(19700);
        assertThat(row[11]).isEqualTo(TS);
        assertThat(row[12]).isEqualTo(TS + 1);
        assertThat(row[13]).isEqualTo(List.of(1, 2, 3));
        var map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        assertThat(row[14]).isInstanceOf(LinkedHashMap.class).isEqualTo(map);
        Object[] struct = (Object[]) row[15];
        assertThat(struct[0]).isEqualTo("Main");
        assertThat(struct[1]).isEqualTo(12345);
        assertThat((Object[]) struct[2]).containsExactly(1.25, -3.5);
        @SuppressWarnings("unchecked")
        List<Object[]> kvs = (List<Object[]>) row[16];
        assertThat(kvs).hasSize(2);
        assertThat(kvs.get(0)).containsExactly("x", 7L);
        assertThat(kvs.get(1)).containsExactly("y", null);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
