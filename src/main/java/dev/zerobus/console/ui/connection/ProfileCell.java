package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.Tooltip;
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

/**
 * A profile in the list: name, where it comes from, its workspace, a mark on the one in use, and "• edited" on one
 * whose edits are not saved yet.
 */
final class ProfileCell extends ListCell<ConnectionProfile> {
    private final Supplier<@Nullable ConnectionProfile> active;
    private final Predicate<ConnectionProfile> unsaved;

    ProfileCell(Supplier<@Nullable ConnectionProfile> active, Predicate<ConnectionProfile> unsaved) {
        this.active = active;
        this.unsaved = unsaved;
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
        setTooltip(null);
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
        boolean isInUse = inUse != null && inUse.name().equals(profile.name()) && inUse.source() == profile.source();
        if (isInUse) {
            var mark = new FontIcon(Feather.CHECK);
            mark.getStyleClass().add("active-mark");
            top.getChildren().add(0, mark);
        }
        boolean edited = unsaved.test(profile);
        if (edited) {
            var mark = new Label("• edited");
            mark.getStyleClass().addAll("badge", Styles.WARNING, "unsaved-mark");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(top.getChildren().indexOf(source), mark);
            setTooltip(new Tooltip("'" + profile.name() + "' has unsaved changes, kept for this session only: select it to "
                    + "go on editing and save them. Quitting asks first."));
        }
        setAccessibleText(profile.name() + (isInUse ? ", in use" : "") + (edited ? ", unsaved changes" : ""));
        var url = new Label(profile.workspaceUrl().isEmpty() ? "no workspace URL" : profile.workspaceUrl());
        url.getStyleClass().addAll("muted", "profile-url");
        url.setMinWidth(0);
        setGraphic(new VBox(2, top, url));
    }
}
