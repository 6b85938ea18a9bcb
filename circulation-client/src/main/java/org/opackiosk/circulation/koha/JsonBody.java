package org.opackiosk.circulation.koha;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads one response body as JSON, within a byte limit, and remembers whether it was read to its end
 * (only then may the connection be reused; otherwise the caller aborts it rather than drain it).
 * One instance per response; not thread-safe.
 */
final class JsonBody {

    private final HttpEntity entity;
    private final long limit;
    private BoundedInputStream stream;

    JsonBody(HttpEntity entity, long limit) {
        this.entity = entity;
        this.limit = limit;
    }

    /**
     * @throws MalformedResponseException when the body is missing, not JSON by its Content-Type, larger than
     *                                    the limit ({@link BodyTooLargeException}) or empty
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the JSON is malformed, truncated,
     *                                    nested too deeply or followed by more content
     * @throws IOException                when reading the body fails (timeout, connection cut)
     */
    JsonNode read(ObjectMapper mapper) throws IOException {
        if (entity == null) {
            throw new MalformedResponseException("the answer has no body");
        }
        requireJson(entity.getContentType());
        if (entity.getContentLength() > limit) {
            throw new BodyTooLargeException(limit);
        }
        stream = new BoundedInputStream(entity.getContent(), limit);
        JsonNode node = mapper.readTree(stream);
        if (node == null || node.isMissingNode()) {
            throw new MalformedResponseException("the answer's body is empty");
        }
        if (stream.read() != -1) {
            throw new MalformedResponseException("content after the JSON value");
        }
        return node;
    }

    /**
     * The body as a stream of at most the limit's bytes, for a caller that reads something else than JSON;
     * reading past the limit fails with {@link BodyTooLargeException}.
     *
     * @throws MalformedResponseException when there is no body or it is declared larger than the limit
     */
    java.io.InputStream stream() throws IOException {
        if (entity == null) {
            throw new MalformedResponseException("the answer has no body");
        }
        if (entity.getContentLength() > limit) {
            throw new BodyTooLargeException(limit);
        }
        stream = new BoundedInputStream(entity.getContent(), limit);
        return stream;
    }

    /** Whether nothing of the body is left unread, so the connection can go back to the pool. */
    boolean finished() {
        return entity == null || entity.getContentLength() == 0 || (stream != null && stream.endReached());
    }

    private static void requireJson(String contentType) throws MalformedResponseException {
        if (contentType == null || contentType.isBlank()) {
            throw new MalformedResponseException("the answer has no Content-Type");
        }
        ContentType parsed = ContentType.parseLenient(contentType);
        String mime = parsed == null ? "" : parsed.getMimeType().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new MalformedResponseException("expected JSON, got Content-Type " + contentType);
        }
    }
}
