package dev.zerobus.console.ui.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Syntax colouring for the .proto and the producer snippets: comments, strings, numbers, keywords and scalar types,
 * as style classes that catalog.css colours with theme tokens. One token set serves all languages shown: it only
 * has to make the code easier to scan. Stateless and thread-safe.
 */
final class Highlighter {
    private static final String KEYWORDS = String.join("|", List.of(
            "syntax", "package", "import", "option", "message", "enum", "optional", "repeated", "required", "map",
            "class", "public", "private", "static", "final", "void", "new", "return", "if", "else", "for", "while",
            "try", "catch", "throw", "throws", "def", "from", "as", "with", "async", "await", "const", "let", "var",
            "func", "fn", "mut", "use", "struct", "impl", "pub", "type", "interface", "export", "true", "false",
            "null", "None", "True", "False", "nil", "go", "defer", "match", "in", "is", "not", "and", "or"));
    private static final String TYPES = String.join("|", List.of(
            "bool", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32",
            "sfixed64", "float", "double", "string", "bytes", "int", "long", "boolean", "String", "byte", "short"));
    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>//[^\\n]*|#[^\\n]*|/\\*(?s:.*?)\\*/)"
                    + "|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')"
                    + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<keyword>\\b(?:" + KEYWORDS + ")\\b)"
                    + "|(?<type>\\b(?:" + TYPES + ")\\b)");
    private static final List<String> GROUPS = List.of("comment", "string", "number", "keyword", "type");

    private Highlighter() {}

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher matcher = TOKENS.matcher(text);
        var spans = new StyleSpansBuilder<Collection<String>>();
        int last = 0;
        while (matcher.find()) {
            String group = GROUPS.stream().filter(g -> matcher.group(g) != null).findFirst().orElseThrow();
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(List.of("token-" + group), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
