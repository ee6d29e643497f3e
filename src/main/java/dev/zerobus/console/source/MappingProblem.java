package dev.zerobus.console.source;

/** Why a column mapping cannot start a load, in the user's words, with what to do. Immutable. */
public sealed interface MappingProblem {
    String message();

    String fix();

    record NotNullWithoutSource(String column) implements MappingProblem {
        @Override public String message() { return "Column '" + column + "' is NOT NULL but gets no value."; }
        @Override public String fix() { return "Map it to a file column, a constant or a generated value."; }
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
