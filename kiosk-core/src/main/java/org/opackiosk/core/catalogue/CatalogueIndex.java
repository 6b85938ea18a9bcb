package org.opackiosk.core.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * Search over the kiosk's local copy of the catalogue. Works offline: nothing here touches the network.
 *
 * <p>Any input is safe: text is searched as text (quotes, {@code AND}, {@code *}, {@code :} and backslashes
 * are characters like any other), blank input finds nothing, input longer than
 * {@link SearchQuery#MAX_INPUT_LENGTH} is cut. Methods never throw for what the patron typed; an index
 * that cannot be read (missing, damaged) answers as an empty catalogue and logs why.
 *
 * <p>Thread-safe; methods block on local disk only, for milliseconds. Searches see the index as of the
 * last completed sync step, never a half-written state.
 */
public interface CatalogueIndex {

    SearchResult search(SearchQuery query);

    /** Up to {@code limit} titles and author names that start with what the patron has typed so far. */
    List<Suggestion> suggest(String prefix, int limit);

    /** One record by the server's id. */
    Optional<CatalogueEntry> record(String id);

    IndexStats stats();
}
