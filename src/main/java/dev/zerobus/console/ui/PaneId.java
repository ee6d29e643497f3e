package dev.zerobus.console.ui;

import java.util.Locale;

/** The four panes of the main window, in sidebar order; {@link #id()} is the name kept in settings and node ids. */
public enum PaneId {
    CONNECTION, CATALOG, RECORDS, STREAM;

    /** Lower-case name ("connection", ...), as stored in the settings under "pane" and used in "nav-" node ids. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The pane a stored id names; {@link #CONNECTION} for an unknown or missing one. */
    public static PaneId fromId(String id) {
        for (PaneId pane : values()) if (pane.id().equals(id)) return pane;
        return CONNECTION;
    }
}
