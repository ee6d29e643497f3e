package dev.zerobus.console.cli;

/**
 * A command that only browses, queries or writes code: it runs as "You", so it works with a profile that has no
 * "Ingest as" service principal yet.
 */
abstract class AsYouCommand extends ConnectedCommand {
    AsYouCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    final boolean needsIngestIdentity() {
        return false;
    }
}
