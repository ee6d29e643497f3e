package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.schema.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/** The "Check my schema" tab: a pasted or opened .proto / descriptor set / sample JSON record against the table. */
final class SchemaCheckModel {
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<@Nullable TableSchema> table = new SimpleObjectProperty<>();
    private final ObjectProperty<SchemaCheck.Input> input = new SimpleObjectProperty<>(SchemaCheck.Input.JSON);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<SchemaCheck.Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Paste a sample JSON record or a .proto, then Check.");
    private final BooleanBinding canCheck = table.isNotNull().and(text.isNotEmpty());
    private byte @Nullable [] descriptorSet;

    SchemaCheckModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        text.subscribe(() -> descriptorSet = null);
        table.subscribe(() -> {
            findings.clear();
            summary.set("Paste a sample JSON record or a .proto, then Check.");
        });
    }

    ObjectProperty<@Nullable TableSchema> tableProperty() { return table; }
    ObjectProperty<SchemaCheck.Input> inputProperty() { return input; }
    StringProperty textProperty() { return text; }
    ObservableList<SchemaCheck.Finding> findings() { return findings; }
    ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    BooleanBinding canCheck() { return canCheck; }

    void check() {
        TableSchema schema = table.get();
        if (schema == null) return;
        String value = text.get();
        byte[] compiled = descriptorSet;
        SchemaCheck.Input kind = input.get();
        CompletableFuture.supplyAsync(() -> compiled != null ? SchemaCheck.ofDescriptorSet(schema, compiled)
                        : kind == SchemaCheck.Input.JSON ? SchemaCheck.ofJson(schema, value) : SchemaCheck.ofProtoText(schema, value),
                background).thenAcceptAsync(result -> show(schema, result), fx);
    }

    /** Reads the file off the FX thread: .json as a sample, .desc/.pb as a compiled descriptor set, else .proto text. */
    void open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean binary = name.endsWith(".desc") || name.endsWith(".pb");
        CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                return null;
            }
        }, background).thenAcceptAsync(bytes -> {
            if (bytes == null) {
                summary.set("Could not read " + file.getFileName() + ". Check the file exists and you may read it.");
                return;
            }
            input.set(name.endsWith(".json") || name.endsWith(".jsonl") ? SchemaCheck.Input.JSON : SchemaCheck.Input.PROTO);
            String content = new String(bytes, StandardCharsets.UTF_8);
            // A JSON Lines file holds many records: check its first one.
            if (name.endsWith(".jsonl")) content = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            text.set(binary ? "(compiled descriptor set " + file.getFileName() + ", " + bytes.length + " bytes)" : content);
            descriptorSet = binary ? bytes : null;
            check();
        }, fx);
    }

    private void show(TableSchema schema, List<SchemaCheck.Finding> result) {
        if (schema != table.get()) return;
        findings.setAll(result);
        long blocking = result.stream().filter(SchemaCheck.Finding::blocks).count();
        long omitted = result.size() - blocking;
        summary.set(blocking > 0 ? blocking + " difference(s) with " + schema.fullName() + " that Zerobus refuses"
                        + (omitted > 0 ? ", and " + omitted + " nullable column(s) left out (accepted):" : ":")
                : omitted > 0 ? "Zerobus accepts this for " + schema.fullName() + ": " + omitted
                        + " nullable column(s) left out land as NULL."
                : "It matches " + schema.fullName() + ": a producer can send this.");
    }
}
