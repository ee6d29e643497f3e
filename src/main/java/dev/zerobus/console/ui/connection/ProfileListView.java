package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.workspace.ConnectionProfile;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The profiles: add, duplicate, delete, and "Use this profile" (or double-click) to make one active. */
final class ProfileListView extends VBox {
    ProfileListView(ConnectionModel model) {
        getStyleClass().add("profile-column");
        setId("profile-column");
        var title = new Label("Profiles");
        title.getStyleClass().add("section-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var add = iconButton("profile-add", Feather.PLUS, "New profile (Shortcut+Shift+N)");
        add.setOnAction(event -> UnsavedProfileDialog.confirmLeavingNew(this, model, model::newProfile, () -> {}));
        var duplicate = iconButton("profile-duplicate", Feather.COPY, "Duplicate the selected profile into a saved, editable one");
        duplicate.disableProperty().bind(model.selectedProperty().isNull());
        duplicate.setOnAction(event -> model.duplicate());
        var delete = iconButton("profile-delete", Feather.TRASH_2, "Delete the selected saved profile (you can undo)");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.canDelete().not());
        delete.setOnAction(event -> model.delete());
        var header = new HBox(4, title, spacer, add, duplicate, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        var list = createList(model);
        VBox.setVgrow(list, Priority.ALWAYS);
        var use = new Button("Use this profile", new FontIcon(Feather.CHECK));
        use.setId("profile-use");
        use.getStyleClass().add(Styles.ACCENT);
        use.setMaxWidth(Double.MAX_VALUE);
        use.setTooltip(new Tooltip("Make the selected profile the one the Catalog, Records and Stream panes use (or double-click it)"));
        use.disableProperty().bind(model.selectedProperty().isNull().or(model.selectedIsActive()));
        use.textProperty().bind(model.selectedIsActive().map(inUse -> inUse ? "In use" : "Use this profile"));
        use.setOnAction(event -> model.useSelected());
        getChildren().addAll(header, list, use);
    }

    private ListView<ConnectionProfile> createList(ConnectionModel model) {
        var list = new ListView<>(model.profiles());
        list.setId("profile-list");
        list.setCellFactory(view -> new ProfileCell(() -> model.activeProfile().get(), model::hasUnsavedChanges));
        var empty = new Label("No profiles yet.\nPress + to add one, or set DATABRICKS_HOST.");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null || now == model.selectedProperty().get()) return;
            // Leaving a new profile with edits asks first; Cancel goes back to it (nothing selected in the list).
            UnsavedProfileDialog.confirmLeavingNew(this, model, () -> model.selectedProperty().set(now),
                    () -> list.getSelectionModel().clearSelection());
        });
        model.selectedProperty().subscribe(profile -> {
            if (profile == null) list.getSelectionModel().clearSelection();
            else list.getSelectionModel().select(profile);
        });
        model.activeProfile().addListener(o -> list.refresh());
        model.unsavedRevisionProperty().addListener(o -> list.refresh()); // the "• edited" marks
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) model.useSelected();
        });
        return list;
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        var button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }
}
