package org.opackiosk.core.circulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk needs from a circulation server (ILS). Implemented by adapters such as the Koha
 * REST client; the rest of the kiosk never names an adapter.
 *
 * <p>Every method blocks on the network and must never be called on the FX thread. Every method
 * returns within the adapter's configured timeouts. Nothing throws for expected outcomes:
 * refusals and transport failures come back as {@link CallResult}s. Implementations are
 * thread-safe.
 */
public interface CirculationService {

    /** Libraries and branches, including whether each is a pickup location. */
    CallResult<List<Library>> libraries();

    /**
     * One page of the catalogue listing, ordered by record id.
     *
     * @param changedSince only records changed after this instant, or the whole catalogue when empty
     * @param page         1-based page number
     * @param perPage      records per page
     */
    CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage);

    /** One record by id; {@code Refused} with code {@code not_found} when the server has none. */
    CallResult<CatalogueRecord> record(String recordId);

    /** The items of a record with their live availability. */
    CallResult<List<Item>> items(String recordId);
}
