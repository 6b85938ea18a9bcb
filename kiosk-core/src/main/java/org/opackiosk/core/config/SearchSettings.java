package org.opackiosk.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The local catalogue index and its sync.
 *
 * @param webOpacUrlTemplate the library's web OPAC address of a record, with {@code {id}} for the record id,
 *                           shown as a QR code on the record page; empty hides the QR code
 * @param syncInterval       how often the index asks the server for changed records
 */
public record SearchSettings(Optional<String> webOpacUrlTemplate, Duration syncInterval) {

    public static final SearchSettings DEFAULTS = new SearchSettings(Optional.empty(), Duration.ofMinutes(5));

    public SearchSettings {
        Objects.requireNonNull(webOpacUrlTemplate, "webOpacUrlTemplate");
        Objects.requireNonNull(syncInterval, "syncInterval");
    }
}
