package dev.zerobus.console.source;

/** Why a column mapping cannot start a load, in the user's words, with what to do. Immutable. */
public sealed interface MappingProblem {
    String message();

    String fix();

    record NotNullWithoutSource(String column) implements MappingProblem {
        @Override public String message() { return "Column '" + column + "' is NOT NULL but gets no value."; }
        @Override public String fix() { return "Map it to a file column, a constant or a generated value."; }
    }

    /** Nothing of the file would be loaded: every table column is skipped (only NOT NULL messages would say so otherwise). */
    record NoFileColumnMatched(java.util.List<String> fileColumns, java.util.List<String> tableColumns) implements MappingProblem {
        @Override public String message() {
            return "None of the file's columns (" + String.join(", ", fileColumns) + ") matches a column of the table ("
                    + String.join(", ", tableColumns) + "): nothing would be loaded.";
        }
        @Override public String fix() {
            return "Check that this is the file for this table and that its first line is the header; rename the header's columns to the table's.";
        }
    }

    record MissingFileColumn(String column, String fileColumn) implements MappingProblem {
        @Override public String message() {
            return "Column '" + column + "' is mapped to file column '" + fileColumn + "', which the file does not have.";
        }
        @Override public String fix() { return "Pick one of the file's columns, or skip the column."; }
    }

    record UnmappedFileColumn(String fileColumn) implements MappingProblem {
        @Override public String message() { return "File column '" + fileColumn + "' is not loaded into any table column."; }
        @Override public String fix() { return "Map it to a table column, or allow unmapped file columns."; }
    }
}
