package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.schema.ColumnType;
import org.junit.jupiter.api.Test;

class NewTableModelTest {
    @Test
    void flagsATypeItCannotParseAsYouType() {
        var model = new NewTableModel();
        var row = model.rows.get(1);
        row.type.set("decimall(10,2)");
        assertThat(row.typeError().get()).contains("'decimall(10,2)' is not a type");
        row.type.set("decimal(10,2)");
        assertThat(row.typeError().get()).isEmpty();
    }

    @Test
    void namesTheFieldToFixBeforeCreating() {
        var model = new NewTableModel();
        model.name.set("trial events");
        assertThat(model.problem()).startsWith("Table name:");
        model.name.set("trial_events");
        assertThat(model.problem()).startsWith("Column 2:");
        model.rows.get(1).name.set("payload");
        assertThat(model.problem()).isNull();
    }

    @Test
    void buildsTheColumnsWithParsedTypes() {
        var model = new NewTableModel();
        model.rows.get(1).name.set("price");
        model.rows.get(1).type.set("decimal(10,2)");
        assertThat(model.columns()).extracting(c -> c.type()).containsExactly(
                ColumnType.of(ColumnType.Kind.LONG), new ColumnType.Decimal(10, 2));
        assertThat(model.columns().getFirst().nullable()).isFalse();
    }
}
