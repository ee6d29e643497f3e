package dev.zerobus.console.ui.connection;

import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Connection pane: profiles on the left; the selected profile's form and the connection test on the right. */
public final class ConnectionView extends BorderPane {
    private static final String CSS = Objects.requireNonNull(
            ConnectionView.class.getResource("/dev/zerobus/console/ui/connection/connection.css")).toExternalForm();

    public ConnectionView(ConnectionViewModel model) {
        getStylesheets().add(CSS);
        getStyleClass().addAll("pane-content", "connection-pane");
        setId("connection-pane");
        setTop(createHeader(model));
        setLeft(new ProfileListView(model));
        setCenter(createDetails(model));
    }

    private VBox createHeader(ConnectionViewModel model) {
        var title = new Label("Connection");
        title.getStyleClass().add("pane-title");
        var subtitle = new Label("Workspace, Zerobus endpoint and service principal; test that Zerobus can write to a table.");
        subtitle.getStyleClass().add("muted");
        var header = new VBox(4, title, subtitle, new NoticeBar(model));
        header.getStyleClass().add("pane-header");
        return header;
    }

    private ScrollPane createDetails(ConnectionViewModel model) {
        var details = new VBox(16, new ProfileFormView(model), new CheckPanel(model));
        details.getStyleClass().add("details");
        var scroll = new ScrollPane(details);
        scroll.setId("connection-details");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
