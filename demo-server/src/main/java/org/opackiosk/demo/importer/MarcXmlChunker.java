package org.opackiosk.demo.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MARCXML file into its {@code <record>…</record>} elements as text, each wrapped in a copy
 * of the root element's start tag (which carries the namespace declarations), so each can be parsed on
 * its own and one broken record cannot stop the file. Works with or without a namespace prefix
 * ({@code <marc:record>}); a file whose root is a single {@code <record>} is one chunk.
 *
 * <p>This is a text scan, not a parser: a {@code <record} inside a comment or CDATA section would be
 * taken for a record (MARCXML files have neither in practice).
 */
final class MarcXmlChunker {

    /**
     * One record's text.
     *
     * @param number   1-based position in the file
     * @param line     the file line the record starts on
     * @param document a standalone XML document holding just this record
     * @param problem  why the record could not be cut out (e.g. no closing tag), else {@code null}
     */
    record Chunk(int number, int line, String document, String problem) {
    }

    private MarcXmlChunker() {
    }

    static List<Chunk> split(String text) {
        int rootStart = rootStart(text);
        if (rootStart < 0) {
            return List.of(new Chunk(1, 1, text, "no XML element found"));
        }
        int rootEnd = tagEnd(text, rootStart);
        if (rootEnd < 0) {
            return List.of(new Chunk(1, lineOf(text, rootStart), text, "the root element's start tag never ends"));
        }
        String rootTag = text.substring(rootStart, rootEnd + 1);
        String rootName = name(rootTag);
        String prefix = rootName.contains(":") ? rootName.substring(0, rootName.indexOf(':') + 1) : "";
        if (localName(rootName).equals("record")) {
            return List.of(new Chunk(1, lineOf(text, rootStart), text.substring(rootStart), null));
        }
        String wrapperStart = rootTag.replace('\r', ' ').replace('\n', ' ');
        String wrapperEnd = "</" + rootName + ">";
        List<Chunk> chunks = new ArrayList<>();
        Lines lines = new Lines(text);
        String open = "<" + prefix + "record";
        String close = "</" + prefix + "record>";
        int from = rootEnd + 1;
        int number = 0;
        while (true) {
            int start = findStartTag(text, open, from);
            if (start < 0) {
                break;
            }
            number++;
            int line = lines.at(start);
            int end = text.indexOf(close, start);
            if (end < 0) {
                chunks.add(new Chunk(number, line, null, "no closing " + close));
                break;
            }
            int after = end + close.length();
            chunks.add(new Chunk(number, line, wrapperStart + text.substring(start, after) + wrapperEnd, null));
            from = after;
        }
        return chunks;
    }

    private static int findStartTag(String text, String open, int from) {
        int at = text.indexOf(open, from);
        while (at >= 0) {
            int next = at + open.length();
            if (next < text.length()) {
                char c = text.charAt(next);
                if (c == '>' || c == '/' || Character.isWhitespace(c)) {
                    return at;
                }
            }
            at = text.indexOf(open, next);
        }
        return -1;
    }

    /** The first element start tag after the prolog (declaration, comments, processing instructions, DOCTYPE). */
    private static int rootStart(String text) {
        int at = 0;
        while (true) {
            at = text.indexOf('<', at);
            if (at < 0 || at + 1 >= text.length()) {
                return -1;
            }
            char next = text.charAt(at + 1);
            if (next == '?') {
                at = text.indexOf("?>", at);
            } else if (text.startsWith("<!--", at)) {
                at = text.indexOf("-->", at);
            } else if (next == '!') {
                at = text.indexOf('>', at);
            } else {
                return at;
            }
            if (at < 0) {
                return -1;
            }
        }
    }

    /** The index of the {@code >} ending the tag starting at {@code start}, skipping quoted attribute values. */
    private static int tagEnd(String text, int start) {
        char quote = 0;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String name(String startTag) {
        int end = 1;
        while (end < startTag.length() && !Character.isWhitespace(startTag.charAt(end))
                && startTag.charAt(end) != '>' && startTag.charAt(end) != '/') {
            end++;
        }
        return startTag.substring(1, end);
    }

    private static String localName(String qualified) {
        return qualified.contains(":") ? qualified.substring(qualified.indexOf(':') + 1) : qualified;
    }

    private static int lineOf(String text, int index) {
        return new Lines(text).at(index);
    }

    /** Line numbers of increasing positions, counted once. */
    private static final class Lines {
        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(int index) {
            for (; position < index; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
