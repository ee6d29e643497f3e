package dev.zerobus.console.ui.connection;

import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Connection pane: profiles on the left; the selected profile's form and the connection test on the right. */
public final class ConnectionView extends BorderPane {
    private static final String CSS = Objects.requireNonNull(
            ConnectionView.class.getResource("/dev/zerobus/console/ui/connection/connection.css")).toExternalForm();

    public ConnectionView(ConnectionModel model) {
        getStylesheets().add(CSS);
        getStyleClass().addAll("pane-content", "connection-pane");
        setId("connection-pane");
        setTop(createHeader(model));
        setLeft(new ProfileListView(model));
        setCenter(createDetails(model));
    }

    private VBox createHeader(ConnectionModel model) {
        var title = new Label("Connection");
        title.getStyleClass().add("pane-title");
        var subtitle = new Label("Workspace, Zerobus endpoint, how you sign in and the service principal Zerobus writes as; test that it can write to a table.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true); // wraps at 1024 px instead of being cut
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        var header = new VBox(4, title, subtitle, new NoticeBar(model));
        header.getStyleClass().add("pane-header");
        return header;
    }

    private ScrollPane createDetails(ConnectionModel model) {
        var details = new VBox(16, new ProfileFormView(model), new CheckPanel(model));
        details.getStyleClass().add("details");
        var scroll = new ScrollPane(details);
        scroll.setId("connection-details");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        var check = details.getChildren().get(1);
        model.check().runningProperty().addListener((obs, was, running) -> { if (running) reveal(scroll, details, check); });
        model.check().failedStepProperty().addListener((obs, was, step) -> {
            if (step != null) reveal(scroll, details, details.lookup("#step-" + step.name().toLowerCase(Locale.ROOT)));
        });
        model.check().passedProperty().addListener((obs, was, passed) -> { if (passed) scroll.setVvalue(scroll.getVmax()); });
        // A new profile: the form's top in view (the check may have scrolled it away) and the cursor in its first field.
        model.newProfilesStartedProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
            scroll.setVvalue(scroll.getVmin());
            if (details.lookup("#profile-name") instanceof TextField name) {
                name.requestFocus();
                name.selectAll();
            }
        }));
        return scroll;
    }

    /** Scrolls so that {@code target} starts near the top of the view (the failed step, or the check while it runs). */
    private static void reveal(ScrollPane scroll, Region content, Node target) {
        scroll.applyCss();
        scroll.layout();
        double overflow = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (overflow <= 0) return;
        Bounds bounds = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        scroll.setVvalue(scroll.getVmax() * Math.clamp((bounds.getMinY() - 8) / overflow, 0.0, 1.0));
    }
}
