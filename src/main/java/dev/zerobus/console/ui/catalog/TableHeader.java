package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.catalog.HeldPrivilege;
import dev.zerobus.console.catalog.TableDetails;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The selected table's name, whether Zerobus can write to it (and why not), its details and your privileges. */
final class TableHeader extends VBox {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Label name = new Label();
    private final Label badge = new Label();
    private final Label reason = new Label();
    // Key-value pairs that wrap to the next line in a narrow window or at a large text size, never cut.
    private final FlowPane facts = new FlowPane(16, 4);
    private final FlowPane privileges = new FlowPane(6, 6);

    TableHeader() {
        name.setId("table-name");
        name.getStyleClass().addAll("pane-title", "mono");
        badge.setId("table-writable");
        reason.setId("table-not-writable-reason");
        reason.getStyleClass().add("problem-text");
        reason.setWrapText(true);
        var title = new HBox(10, name, badge);
        title.setAlignment(Pos.CENTER_LEFT);
        facts.setId("table-facts");
        privileges.setId("table-privileges");
        privileges.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(title, reason, facts, privileges);
        setSpacing(8);
    }

    void show(SelectedTable table) {
        TableDetails d = table.details();
        name.setText(d.fullName());
        boolean writable = d.isZerobusWritable() && table.proto().isUsable();
        badge.setText(writable ? "Ready for Zerobus" : "Cannot take Zerobus streams");
        badge.getStyleClass().setAll("label", "badge", writable ? "success" : "danger");
        String why = !d.isZerobusWritable() ? d.notWritableReason()
                : table.proto().isUsable() ? null
                : table.proto().problems().size() + " column(s) cannot be carried on a PROTO stream; see the flags below.";
        reason.setText(why == null ? "" : why);
        reason.setVisible(why != null);
        reason.setManaged(why != null);
        facts.getChildren().clear();
        fact("Type", d.tableType());
        fact("Format", d.dataSourceFormat());
        fact("Owner", d.owner());
        fact("Created", d.createdAt() == null ? null : CREATED.format(d.createdAt()));
        fact("Columns", String.valueOf(d.schema().columns().size()));
        fact("Location", d.storageLocation());
        if (d.comment() != null && !d.comment().isBlank()) fact("Comment", d.comment());
        showPrivileges(table);
    }

    private void fact(String label, String value) {
        var key = new Label(label);
        key.getStyleClass().add("muted");
        key.setMinWidth(USE_PREF_SIZE);
        var text = new Label(value == null || value.isBlank() ? "—" : value);
        text.setId("table-fact-" + label.toLowerCase(Locale.ROOT));
        text.setTooltip(new Tooltip(text.getText()));
        boolean long_ = label.equals("Location") || label.equals("Comment");
        if (long_) text.setMaxWidth(420);
        else text.setMinWidth(USE_PREF_SIZE);
        var pair = new HBox(6, key, text);
        pair.setAlignment(Pos.BASELINE_LEFT);
        facts.getChildren().add(pair);
    }

    private void showPrivileges(SelectedTable table) {
        var caption = new Label(table.principal() == null ? "Your privileges:" : "Privileges of " + table.principal() + ":");
        caption.getStyleClass().add("muted");
        privileges.getChildren().setAll(caption);
        if (table.privilegesProblem() != null) {
            var problem = new Label(table.privilegesProblem().message() + " " + table.privilegesProblem().fix());
            problem.getStyleClass().add("problem-text");
            privileges.getChildren().add(problem);
            return;
        }
        List<HeldPrivilege> held = table.privileges();
        if (held.isEmpty()) {
            var none = new Label("none on this table. Ask its owner for USE CATALOG, USE SCHEMA, SELECT and MODIFY.");
            none.getStyleClass().add("problem-text");
            privileges.getChildren().add(none);
        }
        for (HeldPrivilege p : held) {
            var chip = new Label(p.privilege());
            chip.getStyleClass().addAll("badge", p.isInherited() ? "neutral" : "accent");
            chip.setTooltip(new Tooltip(p.isInherited() ? "Inherited from " + p.grantedOnType() + " " + p.grantedOn()
                    : "Granted on this table"));
            privileges.getChildren().add(chip);
        }
    }
}
