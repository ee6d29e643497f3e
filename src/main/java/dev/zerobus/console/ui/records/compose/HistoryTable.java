package dev.zerobus.console.ui.records.compose;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The records the composer sent on this table: when, at which offset, whether ACKed; re-send or edit one. */
final class HistoryTable extends VBox {
    HistoryTable(ComposerModel model) {
        var table = new TableView<>(model.history());
        table.setId("history-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing sent yet. Compose a record above and press Send (Ctrl+Enter)."));
        table.getColumns().setAll(
                column("Sent", 80, r -> new ReadOnlyObjectWrapper<>(r.sentAt())),
                column("Offset", 80, SentRecord::offsetTextProperty),
                column("Status", 200, SentRecord::statusTextProperty),
                column("Record", 400, r -> new ReadOnlyObjectWrapper<>(r.json().replaceAll("\\s+", " "))));
        VBox.setVgrow(table, Priority.ALWAYS);

        var resend = new Button("Re-send", new FontIcon(Feather.REPEAT));
        resend.setId("resend-button");
        resend.setTooltip(new Tooltip("Send the selected record again"));
        resend.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        resend.setOnAction(e -> model.resend(table.getSelectionModel().getSelectedItem()));
        var edit = new Button("Edit", new FontIcon(Feather.EDIT_2));
        edit.setId("edit-button");
        edit.setTooltip(new Tooltip("Load the selected record into the editor"));
        edit.disableProperty().bind(resend.disableProperty());
        edit.setOnAction(e -> model.edit(table.getSelectionModel().getSelectedItem()));
        var title = new Label("Sent records");
        title.getStyleClass().add("section-title");
        var status = new Label();
        status.setId("composer-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(8, title, status, spacer, edit, resend);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(header, table);
        setSpacing(6);
    }

    private static TableColumn<SentRecord, String> column(String name, double width,
                                                          Function<SentRecord, ObservableValue<String>> value) {
        var column = new TableColumn<SentRecord, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(features -> value.apply(features.getValue()));
        return column;
    }
}
