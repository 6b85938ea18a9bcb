package org.opackiosk.demo.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.opackiosk.demo.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo library's outgoing patron mail, written as RFC 5322 messages ({@code DIR/mail/*.eml}) instead
 * of being sent: UTF-8 text in base64, the Japanese subject as a MIME encoded-word (RFC 2047). No SMTP:
 * open the files with any mail program. Thread-safe.
 */
public final class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    public static final String FROM_ADDRESS = "opac@midori-library.example";
    public static final String FROM_NAME = "みどり市立図書館";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    public Mailer(Path dataDir, Clock clock) {
        this.directory = dataDir.resolve("mail");
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes one message to {@code to}; {@code kind} names the file ({@code hold-ready}). A failure to
     * write is logged and swallowed: mail never fails a request.
     */
    public void send(String to, String kind, String subject, String body) {
        if (to == null || to.isBlank()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String message = "From: " + encodedWord(FROM_NAME) + " <" + FROM_ADDRESS + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + encodedWord(subject) + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@midori-library.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + wrap(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        String name = FILE_TIME.format(now) + "-" + String.format(Locale.ROOT, "%04d", sequence.incrementAndGet())
                + "-" + kind + ".eml";
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(directory.resolve(name), message, true);
            LOG.debug("Wrote {} mail {}", kind, name);
        } catch (IOException e) {
            LOG.warn("Could not write the {} mail: {}", kind, e.getMessage());
        }
    }

    /** {@code =?UTF-8?B?…?=} words of at most 75 characters, split between characters, folded. */
    static String encodedWord(String text) {
        StringBuilder result = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String next = chunk.toString() + new String(Character.toChars(cp));
            // 45 bytes of UTF-8 → 60 base64 characters, 72 with the =?UTF-8?B??= frame
            if (next.getBytes(StandardCharsets.UTF_8).length > 45) {
                append(result, chunk.toString());
                chunk.setLength(0);
            }
            chunk.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        append(result, chunk.toString());
        return result.toString();
    }

    private static void append(StringBuilder result, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (!result.isEmpty()) {
            result.append("\r\n ");
        }
        result.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(part.getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }

    private static String wrap(String base64) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < base64.length(); i += 76) {
            lines.append(base64, i, Math.min(base64.length(), i + 76)).append("\r\n");
        }
        return lines.toString();
    }
}
