package dev.zerobus.console.ui.connection;

import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.jspecify.annotations.Nullable;

/** A profile in the list: name, where it comes from, its workspace, and a mark on the one in use. */
final class ProfileCell extends ListCell<ConnectionProfile> {
    private final Supplier<@Nullable ConnectionProfile> active;

    ProfileCell(Supplier<@Nullable ConnectionProfile> active) {
        this.active = active;
        getStyleClass().add("profile-cell");
        setPrefWidth(0); // size to the list, not to the longest URL: long ones are cut with an ellipsis
    }

    static String sourceName(Source source) {
        return switch (source) {
            case SANDBOX -> "sandbox";
            case DATABRICKS_CFG -> "~/.databrickscfg";
            case ENVIRONMENT -> "environment";
            case SAVED -> "saved";
        };
    }

    @Override
    protected void updateItem(ConnectionProfile profile, boolean empty) {
        super.updateItem(profile, empty);
        setText(null);
        if (empty || profile == null) {
            setGraphic(null);
            return;
        }
        var name = new Label(profile.name());
        name.getStyleClass().add("profile-name");
        name.setMinWidth(0);
        var source = new Label(sourceName(profile.source()));
        source.getStyleClass().addAll("badge", "neutral");
        source.setMinWidth(Region.USE_PREF_SIZE);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var top = new HBox(8, name, spacer, source);
        top.setAlignment(Pos.CENTER_LEFT);
        ConnectionProfile inUse = active.get();
        if (inUse != null && inUse.name().equals(profile.name()) && inUse.source() == profile.source()) {
            var mark = new FontIcon(Feather.CHECK);
            mark.getStyleClass().add("active-mark");
            top.getChildren().add(0, mark);
            setAccessibleText(profile.name() + ", in use");
        }
        var url = new Label(profile.workspaceUrl().isEmpty() ? "no workspace URL" : profile.workspaceUrl());
        url.getStyleClass().addAll("muted", "profile-url");
        url.setMinWidth(0);
        setGraphic(new VBox(2, top, url));
    }
}
