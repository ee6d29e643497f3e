package dev.zerobus.console.snippet;

import java.util.Locale;

/** How records travel on the stream: JSON text, or protobuf bytes described by a DescriptorProto. */
public enum SnippetRecordType {
    JSON, PROTO;

    /** The value of our CLI's {@code --record-type} option. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
