package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.catalog.HeldPrivilege;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.workspace.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the Table tab shows about one table: its details, the .proto it maps to (with the columns that cannot be
 * carried), and what the current principal may do on it. Privileges are optional: reading them may fail on its own
 * ({@code privilegesProblem}) without hiding the rest.
 */
record SelectedTable(TableDetails details, ProtoSchema proto, @Nullable String principal, List<HeldPrivilege> privileges,
                     @Nullable Problem privilegesProblem) {
    SelectedTable {
        privileges = List.copyOf(privileges);
    }

    String fullName() {
        return details.fullName();
    }
}
