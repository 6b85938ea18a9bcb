package org.opackiosk.store.catalogue.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The test fixture {@code joyo-old-forms.txt}: the 364 old forms the 常用漢字表 (2010) prints in parentheses,
 * each with its new form. Independent of the index's own table, so tests built on it can catch a missing pair.
 */
public final class JoyoOldForms {

    private JoyoOldForms() {
    }

    /** {old, new} per line of the fixture, in its order; both single characters (the old one possibly U+F9xx/FAxx). */
    public static List<String[]> pairs() {
        List<String[]> pairs = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                JoyoOldForms.class.getResourceAsStream("joyo-old-forms.txt"), "joyo-old-forms.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.strip().split(" ");
                if (pair.length != 2) {
                    throw new IllegalStateException("joyo-old-forms.txt: not a pair: " + line);
                }
                pairs.add(pair);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }
}
