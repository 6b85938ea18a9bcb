package org.opackiosk.core.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, said so a technician can fix it.
 *
 * @param key      the dotted TOML key, e.g. {@code server.url}; the section name for section-level problems
 * @param expected what the key must hold, e.g. {@code an https:// URL}
 * @param found    what the file holds, or a short description of it ({@code missing}, a quoted value …)
 */
public record ConfigProblem(String key, String expected, String found) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    /** {@code server.url: expected an https:// URL, found "http://x"}. */
    public String describe() {
        return key + ": expected " + expected + ", found " + found;
    }
}
