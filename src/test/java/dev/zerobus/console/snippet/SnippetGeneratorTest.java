package dev.zerobus.console.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.sandbox.Seed;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnippetGeneratorTest {
    static final String ENDPOINT = "https://1234567890123456.zerobus.us-west-2.cloud.databricks.com";
    static final String WORKSPACE = "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String CLIENT_ID = "6f1c2a7e-client-id";
    /** Stands for the secret the console holds; the request type has no place for it, so no snippet can show it. */
    static final String SECRET = "dose-not-leak-0123456789";

    static final TableSchema SENSOR_READINGS = new TableSchema("main.default.sensor_readings", List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));

    static final TableSchema ALL_TYPES = new TableSchema("main.default.all_types", Seed.ALL_TYPES);

    /** Names that are keywords in the snippet languages, and a table name that needs escaping in literals. */
    static final TableSchema AWKWARD = new TableSchema("main.o\"dd\\schema.awkward", List.of(
            new TableColumn("type", ColumnType.of(Kind.STRING), false),
            new TableColumn("from", ColumnType.of(Kind.INT), true),
            new TableColumn("class", ColumnType.of(Kind.BOOLEAN), true),
            new TableColumn("fn", ColumnType.of(Kind.LONG), true)));

    static final TableSchema WITH_DECIMAL = new TableSchema("main.default.prices", List.of(
            new TableColumn("sku", ColumnType.of(Kind.STRING), false),
            new TableColumn("price", new ColumnType.Decimal(10, 2), true)));

    private final SnippetGenerator generator = new SnippetGenerator();

    static SnippetRequest request(SnippetLanguage language, SnippetRecordType type, TableSchema table) {
        return new SnippetRequest(language, type, table, ENDPOINT, WORKSPACE, CLIENT_ID);
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> out = new ArrayList<>();
        for (TableSchema table : List.of(SENSOR_READINGS, ALL_TYPES)) {
            for (SnippetLanguage language : SnippetLanguage.values()) {
                for (SnippetRecordType type : SnippetRecordType.values()) out.add(Arguments.of(language, type, table));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> combinationsOf(SnippetLanguage language) {
        return everyCombination().filter(a -> a.get()[0] == language);
    }

    static Stream<Arguments> python() { return combinationsOf(SnippetLanguage.PYTHON); }
    static Stream<Arguments> java() { return combinationsOf(SnippetLanguage.JAVA); }
    static Stream<Arguments> typescript() { return combinationsOf(SnippetLanguage.TYPESCRIPT); }
    static Stream<Arguments> go() { return combinationsOf(SnippetLanguage.GO); }
    static Stream<Arguments> rust() { return combinationsOf(SnippetLanguage.RUST); }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCombination")
    void namesEndpointWorkspaceTableAndEveryColumnAndReadsTheSecretFromTheEnvironment(
            SnippetLanguage language, SnippetRecordType type, TableSchema table) {
        String snippet = generator.generate(request(language, type, table));

        assertThat(snippet).contains(ENDPOINT, WORKSPACE, table.fullName(), "DATABRICKS_CLIENT_SECRET",
                "DATABRICKS_CLIENT_ID", CLIENT_ID);
        assertThat(snippet).doesNotContain(SECRET).doesNotContainIgnoringCase("your-oauth-client-secret");
        for (TableColumn column : table.columns()) assertNamesField(snippet, column.name());
    }

    /** A field name appears as a string literal, or escaped inside the JSON text of a string literal. */
    private static void assertNamesField(String snippet, String name) {
        assertThat(snippet).containsAnyOf("\"" + name + "\"", "\\\"" + name + "\\\"");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyCombination")
    void ingestsOneRecordAndABatchAndWaitsForTheAck(SnippetLanguage language, SnippetRecordType type, TableSchema table) {
        String snippet = generator.generate(request(language, type, table));

        List<String> calls = switch (language) {
            case PYTHON -> List.of("ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL)", "create_stream(", "ingest_record_offset(",
                    "ingest_records_offset(", "flush()", "close()", "pip install databricks-zerobus-ingest-sdk");
            case JAVA -> List.of("new ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL)",
                    type == SnippetRecordType.JSON ? "createJsonStream(" : "createProtoStream(", "ingestRecordOffset(",
                    "ingestRecordsOffset(", "flush()", "close()", "com.databricks:zerobus-ingest-sdk:1.0.1",
                    "protobuf-java:4.33.0", "slf4j-api");
            case GO -> List.of("zerobus.NewZerobusSdk(serverEndpoint, workspaceURL)", "CreateStream(", "IngestRecordOffset(",
                    "IngestRecordsOffset(", "WaitForOffset(", "stream.Close()", "go get github.com/databricks/zerobus-sdk/go");
            case TYPESCRIPT -> List.of("new ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL)", "createStream(", "ingestRecordOffset(",
                    "ingestRecordsOffset(", "waitForOffset(", "close()", "npm install @databricks/zerobus-ingest-sdk");
            case RUST -> List.of("ZerobusSdk::builder()", "create_stream(", "ingest_record_offset(", "ingest_records_offset(",
                    "wait_for_offset(", "close()", "cargo add databricks-zerobus-ingest-sdk");
        };
        assertThat(snippet).contains(calls);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("java")
    void javaSnippetCompilesAgainstTheSdk(SnippetLanguage language, SnippetRecordType type, TableSchema table,
                                          @TempDir Path dir) throws Exception {
        SnippetRequest request = request(language, type, table);

        List<String> errors = SnippetToolchain.javacErrors(dir, generator.fileName(request), generator.generate(request));

        assertThat(errors).isEmpty();
    }

    static Stream<TableSchema> tables() {
        return Stream.of(SENSOR_READINGS, ALL_TYPES, AWKWARD);
    }

    /** Runs the compiled snippet's own helpers: its descriptor is the mapper's, and JsonFormat takes its record. */
    @ParameterizedTest
    @MethodSource("tables")
    void javaProtoSnippetRebuildsTheTableDescriptorAndEncodesItsRecord(TableSchema table, @TempDir Path dir) throws Exception {
        SnippetRequest request = request(SnippetLanguage.JAVA, SnippetRecordType.PROTO, table);
        assertThat(SnippetToolchain.javacErrors(dir, generator.fileName(request), generator.generate(request))).isEmpty();

        try (var loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> producer = loader.loadClass(generator.fileName(request).replace(".java", ""));
            var descriptorProto = (DescriptorProto) call(producer, "descriptorProto", new Class<?>[0]);
            var type = (Descriptors.Descriptor) call(producer, "messageType", new Class<?>[] {DescriptorProto.class}, descriptorProto);
            var recordField = producer.getDeclaredField("RECORD");
            recordField.setAccessible(true);
            var message = (DynamicMessage) call(producer, "toMessage", new Class<?>[] {Descriptors.Descriptor.class, String.class},
                    type, recordField.get(null));

            assertThat(type.toProto()).isEqualTo(ProtoSchemaMapper.map(table).descriptor());
            assertThat(message.isInitialized()).isTrue();
            assertThat(message.getAllFields()).hasSize(table.columns().size());
        }
    }

    private static Object call(Class<?> owner, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = owner.getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method.invoke(null, args);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("python")
    void pythonSnippetCompiles(SnippetLanguage language, SnippetRecordType type, TableSchema table, @TempDir Path dir)
            throws Exception {
        assumeTrue(SnippetToolchain.onPath("python3"), "python3 not on PATH");
        assertCompiles(dir, "producer.py", generator.generate(request(language, type, table)), "python3", "-m", "py_compile", "producer.py");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("typescript")
    void typeScriptSnippetIsAlsoValidJavaScript(SnippetLanguage language, SnippetRecordType type, TableSchema table,
                                                @TempDir Path dir) throws Exception {
        assumeTrue(SnippetToolchain.onPath("node"), "node not on PATH");
        assertCompiles(dir, "producer.mjs", generator.generate(request(language, type, table)), "node", "--check", "producer.mjs");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("go")
    void goSnippetParses(SnippetLanguage language, SnippetRecordType type, TableSchema table, @TempDir Path dir) throws Exception {
        assumeTrue(SnippetToolchain.onPath("gofmt"), "gofmt not on PATH: Go snippets are not syntax-checked here");
        assertCompiles(dir, "main.go", generator.generate(request(language, type, table)), "gofmt", "-e", "-l", "main.go");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rust")
    void rustSnippetParses(SnippetLanguage language, SnippetRecordType type, TableSchema table, @TempDir Path dir) throws Exception {
        assumeTrue(SnippetToolchain.onPath("rustfmt"), "rustfmt not on PATH");
        assertCompiles(dir, "main.rs", generator.generate(request(language, type, table)),
                "rustfmt", "--edition", "2021", "--emit", "stdout", "main.rs");
    }

    @Test
    void keywordColumnsAndAQuotedTableNameStillGiveValidPythonJavaScriptAndRust(@TempDir Path dir) throws Exception {
        for (SnippetRecordType type : SnippetRecordType.values()) {
            String python = generator.generate(request(SnippetLanguage.PYTHON, type, AWKWARD));
            if (SnippetToolchain.onPath("python3")) assertCompiles(dir, "producer.py", python, "python3", "-m", "py_compile", "producer.py");
            String js = generator.generate(request(SnippetLanguage.TYPESCRIPT, type, AWKWARD));
            if (SnippetToolchain.onPath("node")) assertCompiles(dir, "producer.mjs", js, "node", "--check", "producer.mjs");
            String rust = generator.generate(request(SnippetLanguage.RUST, type, AWKWARD));
            if (SnippetToolchain.onPath("rustfmt")) assertCompiles(dir, "main.rs", rust, "rustfmt", "--edition", "2021", "--emit", "stdout", "main.rs");
            assertThat(python).contains("TABLE_NAME = \"main.o\\\"dd\\\\schema.awkward\"");
        }
    }

    @Test
    void keywordColumnsAndAQuotedTableNameStillGiveCompilingJava(@TempDir Path dir) throws Exception {
        for (SnippetRecordType type : SnippetRecordType.values()) {
            SnippetRequest request = request(SnippetLanguage.JAVA, type, AWKWARD);

            List<String> errors = SnippetToolchain.javacErrors(dir, generator.fileName(request), generator.generate(request));

            assertThat(errors).as(type.name()).isEmpty();
        }
    }

    @Test
    void goStructExportsKeywordColumnsUnderTheirJsonNames() {
        String go = generator.generate(request(SnippetLanguage.GO, SnippetRecordType.JSON, AWKWARD));

        assertThat(go).containsPattern("\\tType +string +`json:\"type\"`")
                .containsPattern("\\tFrom +int32 +`json:\"from\"`")
                .contains("tableName       = \"main.o\\\"dd\\\\schema.awkward\"");
    }

    @Test
    void pythonProtoSnippetNeedsNoKeywordArguments() {
        String python = generator.generate(request(SnippetLanguage.PYTHON, SnippetRecordType.PROTO, AWKWARD));

        assertThat(python).contains("json_format.ParseDict(row, MESSAGE())", "\"from\": 42").doesNotContain("from=");
    }

    @ParameterizedTest
    @MethodSource("dev.zerobus.console.snippet.SnippetGeneratorTest#languages")
    void protoSnippetForAnUncarriableTableListsTheProblemsInsteadOfCode(SnippetLanguage language) {
        String snippet = generator.generate(request(language, SnippetRecordType.PROTO, WITH_DECIMAL));

        assertThat(snippet).contains("Column 'price' has type 'decimal(10,2)'", "No PROTO producer")
                .doesNotContain("create_stream", "createProtoStream", "CreateStream", "createStream");
        assertThat(snippet.lines()).allMatch(l -> l.startsWith("#") || l.startsWith("//") || l.isBlank());
    }

    @ParameterizedTest
    @MethodSource("dev.zerobus.console.snippet.SnippetGeneratorTest#languages")
    void jsonSnippetForAnUncarriableTableWarnsButIsStillWritten(SnippetLanguage language) {
        String snippet = generator.generate(request(language, SnippetRecordType.JSON, WITH_DECIMAL));

        assertThat(snippet).contains("WARNING", "Column 'price' has type 'decimal(10,2)'", ENDPOINT);
        assertNamesField(snippet, "price");
    }

    static Stream<SnippetLanguage> languages() {
        return Stream.of(SnippetLanguage.values());
    }

    @Test
    void generatedRecordUsesZerobusWireValues() {
        String python = generator.generate(request(SnippetLanguage.PYTHON, SnippetRecordType.JSON, ALL_TYPES));

        assertThat(python).contains("\"c_timestamp\": 1714566600000000", "\"c_date\": 19844", "\"c_binary\": \"aGVsbG8=\"",
                "\"c_struct\": {\"street\": \"street-001\", \"zip\": 42, \"geo\": {\"lat\": 3.14159, \"lon\": 3.14159}}",
                "\"c_map\": {\"key-001\": 42}", "\"c_array\": [42, 42]", "\"c_boolean\": True");
    }

    @Test
    void usesTheCallersSampleRecord() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("device_name", "boiler-7");
        sample.put("temp", 71);
        sample.put("humidity", null);
        sample.put("ts", Instant.parse("2025-01-02T03:04:05.000006Z"));
        var request = new SnippetRequest(SnippetLanguage.JAVA, SnippetRecordType.JSON, SENSOR_READINGS, ENDPOINT, WORKSPACE,
                CLIENT_ID, sample);

        assertThat(generator.generate(request))
                .contains("{\\\"device_name\\\":\\\"boiler-7\\\",\\\"temp\\\":71,\\\"humidity\\\":null,\\\"ts\\\":1735787045000006}");
    }

    @Test
    void rustSuffixesIntegersBeyondI32() {
        String rust = generator.generate(request(SnippetLanguage.RUST, SnippetRecordType.JSON, SENSOR_READINGS));

        assertThat(rust).contains("\"ts\": 1714566600000000_i64", "\"temp\": 42,");
    }

    @Test
    void cliCommandNamesTableFileFormatAndRecordType() {
        assertThat(generator.cliCommand("main.default.sensor_readings", "records.jsonl", SnippetRecordType.JSON, null))
                .isEqualTo("zerobus-console ingest --table main.default.sensor_readings --file records.jsonl --format jsonl --record-type json");
    }

    @Test
    void cliCommandAddsTheProfileAndTakesTheFormatFromACsvFile() {
        var request = request(SnippetLanguage.PYTHON, SnippetRecordType.PROTO, SENSOR_READINGS);

        assertThat(generator.cliCommand(request, "data/readings.csv", "dev"))
                .isEqualTo("zerobus-console ingest --table main.default.sensor_readings --file data/readings.csv --format csv --record-type proto --profile dev");
    }

    @Test
    void cliCommandQuotesArgumentsForTheShell() {
        assertThat(generator.cliCommand("main.default.t", "my records's.jsonl", SnippetRecordType.JSON, "team a"))
                .isEqualTo("zerobus-console ingest --table main.default.t --file 'my records'\\''s.jsonl' --format jsonl"
                        + " --record-type json --profile 'team a'");
    }

    @Test
    void javaFileNameIsThePublicClass() {
        var request = request(SnippetLanguage.JAVA, SnippetRecordType.JSON, SENSOR_READINGS);
        Matcher m = Pattern.compile("public class (\\w+)").matcher(generator.generate(request));

        assertThat(m.find()).isTrue();
        assertThat(generator.fileName(request)).isEqualTo(m.group(1) + ".java").isEqualTo("SensorReadingsProducer.java");
    }

    private static void assertCompiles(Path dir, String file, String source, String... command) throws Exception {
        Files.writeString(dir.resolve(file), source);
        SnippetToolchain.Result result = SnippetToolchain.run(dir, command);
        assertThat(result.exitCode()).as(String.join(" ", command) + " said:\n" + result.output() + "\nfor:\n" + source).isZero();
    }
}
