package org.opackiosk.provisioning.enroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changes single keys of a TOML file and keeps everything else as the technician wrote it: comments,
 * order, blank lines, keys this editor does not touch. Knows just enough TOML for the kiosk's file:
 * {@code [section]} tables, {@code key = value} lines, arrays over several lines. Not thread-safe.
 */
public final class TomlEditor {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([A-Za-z0-9_.-]+)]\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=\\s*(.*)$");

    private final List<String> lines;

    public TomlEditor(String text) {
        this.lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }

    public String text() {
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    /** Sets {@code key} in {@code [section]} to a TOML literal (see {@link #string} and {@link #strings}). */
    public void set(String section, String key, String literal) {
        int[] at = find(section, key);
        if (at != null) {
            String first = lines.get(at[0]);
            String comment = at[1] == at[0] + 1 ? trailingComment(first) : "";
            String indent = first.substring(0, first.length() - first.stripLeading().length());
            replace(at, List.of(indent + key + " = " + literal + comment));
            return;
        }
        int header = sectionHeader(section);
        if (header < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.add(key + " = " + literal);
            return;
        }
        lines.add(endOfSectionKeys(header), key + " = " + literal);
    }

    /** The key's own lines ({@code key = value}, continuation lines included); empty when absent. */
    public Optional<String> keyLines(String section, String key) {
        int[] at = find(section, key);
        return at == null ? Optional.empty() : Optional.of(String.join("\n", lines.subList(at[0], at[1])));
    }

    /** Removes {@code key} from {@code [section]} if it is there. */
    public void remove(String section, String key) {
        int[] at = find(section, key);
        if (at != null) {
            replace(at, List.of());
        }
    }

    public static String string(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    public static String strings(List<String> values) {
        return values.stream().map(TomlEditor::string).collect(Collectors.joining(", ", "[", "]"));
    }

    private void replace(int[] range, List<String> with) {
        for (int i = range[1] - 1; i >= range[0]; i--) {
            lines.remove(i);
        }
        lines.addAll(range[0], with);
    }

    private int sectionHeader(String section) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SECTION.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(section)) {
                return i;
            }
        }
        return -1;
    }

    /** Lines [from, to) of the key's line and its continuation lines; null when absent. */
    private int[] find(String section, String key) {
        int header = sectionHeader(section);
        if (header < 0) {
            return null;
        }
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SECTION.matcher(line).matches() || line.stripLeading().startsWith("[[")) {
                return null;
            }
            Matcher m = KEY.matcher(line);
            if (m.matches()) {
                int end = i + 1;
                int depth = bracketDepth(m.group(2));
                while (depth > 0 && end < lines.size()) {
                    depth += bracketDepth(lines.get(end));
                    end++;
                }
                if (m.group(1).equals(key)) {
                    return new int[] {i, end};
                }
                i = end - 1;
            }
        }
        return null;
    }

    /** Where a new key of the section goes: after its last key, before blank lines and comments that lead to the next section. */
    private int endOfSectionKeys(int header) {
        int insertAt = header + 1;
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SECTION.matcher(line).matches() || line.stripLeading().startsWith("[[")) {
                break;
            }
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                insertAt = i + 1;
            }
        }
        return insertAt;
    }

    /** Opening minus closing brackets outside strings and comments. */
    private static int bracketDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '#') {
                break;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        return depth;
    }

    /** A {@code # comment} after a one-line value, with the spaces before it; "" when none. */
    private static String trailingComment(String line) {
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '#') {
                int start = i;
                while (start > 0 && Character.isWhitespace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(start);
            }
        }
        return "";
    }
}
