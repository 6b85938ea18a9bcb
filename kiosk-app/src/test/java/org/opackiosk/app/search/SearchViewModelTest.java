package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.ManualScheduler;

/** 在架のみ, hold counts and 予約カートに入れる from the result list, without a screen. */
class SearchViewModelTest {

    private final FakeCatalogueIndex index = new FakeCatalogueIndex();
    private final CirculationService circulation = mock(CirculationService.class);
    private final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
    private final List<String> asked = new ArrayList<>();
    private SearchViewModel search;
    private final Navigator navigator = new Navigator() {
        @Override
        public void open(ScreenId screen) {
        }

        @Override
        public void goHome() {
        }
    };

    @BeforeEach
    void setUp() {
        // 150 hits: every even record on the shelf, every odd one on loan; only record 2 is held by someone
        for (int i = 1; i <= 150; i++) {
            index.add(CatalogueEntry.of(String.valueOf(i), "羅生門 " + i, List.of("芥川, 竜之介")));
        }
        when(circulation.availability(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            asked.add(id);
            boolean out = Integer.parseInt(id) % 2 == 1;
            return CallResult.ok(new RecordAvailability(List.of(new Item("i" + id, "b", "CEN", "CEN", "913.6", "開架", "BK", false,
                    out ? Optional.of(LocalDate.of(2026, 12, 7)) : Optional.empty())), id.equals("2") ? OptionalInt.of(3) : OptionalInt.empty()));
        });
        ManualScheduler scheduler = new ManualScheduler();
        RecordViewModel record = new RecordViewModel(index, circulation, connection,
                new SearchSettings(Optional.empty(), Duration.ofMinutes(5)), scheduler, Runnable::run);
        search = new SearchViewModel(index, circulation, connection, scheduler, Runnable::run, navigator, record);
        search.setText("羅生門");
        search.search();
        asked.clear();
    }

    @Test
    void availableNowAsksAboutTheFirstHundredHitsOnlyAndSaysSo() {
        // when
        search.toggleAvailableNow();

        // then
        assertThat(asked).hasSize(SearchViewModel.AVAILABLE_SCAN_LIMIT);
        assertThat(search.totalProperty().get()).isEqualTo(50);
        assertThat(search.scanLimitedProperty().get()).isTrue();
        assertThat(search.results()).extracting(CatalogueEntry::id).containsExactly("2", "4", "6", "8", "10", "12", "14", "16", "18", "20");
        assertThat(search.availability().values()).containsOnly(Availability.ON_SHELF);
        // paging stays within what was found, without asking again
        search.next();
        assertThat(search.results()).extracting(CatalogueEntry::id).startsWith("22");
        assertThat(asked).hasSize(SearchViewModel.AVAILABLE_SCAN_LIMIT);
    }

    @Test
    void whileAvailableNowAsksTheServerItCountsHowManyHitsItHasAskedAbout() {
        // given a worker that waits until the test lets it run
        QueuedScheduler worker = new QueuedScheduler(true);
        SearchViewModel held = new SearchViewModel(index, circulation, connection, worker, Runnable::run, navigator,
                new RecordViewModel(index, circulation, connection, new SearchSettings(Optional.empty(), Duration.ofMinutes(5)),
                        worker, Runnable::run));
        held.setText("羅生門");
        held.search();
        worker.runQueuedWork();

        // when
        held.toggleAvailableNow();

        // then: searching, nothing asked yet
        assertThat(held.statusProperty().get()).isEqualTo(SearchViewModel.Status.SEARCHING);
        assertThat(held.scannedProperty().get()).isZero();
        // when the worker runs
        worker.runQueuedWork();
        assertThat(held.scannedProperty().get()).isEqualTo(SearchViewModel.AVAILABLE_SCAN_LIMIT);
        assertThat(held.scanningProperty().get()).isEqualTo(SearchViewModel.AVAILABLE_SCAN_LIMIT);
        assertThat(held.statusProperty().get()).isEqualTo(SearchViewModel.Status.SHOWING);
    }

    @Test
    void offlineAvailableNowCannotBeTurnedOnAndIsDroppedWhenTheServerGoes() {
        // given the filter on, then the server gone
        search.toggleAvailableNow();
        connection.set(ConnectionState.OFFLINE);

        // when the patron changes the sort
        search.sortBy(org.opackiosk.core.catalogue.SearchQuery.Sort.NEWEST);

        // then
        assertThat(search.availableOnlyProperty().get()).isFalse();
        assertThat(search.totalProperty().get()).isEqualTo(150);
        assertThat(search.availability().values()).containsOnly(Availability.UNKNOWN);
        // and it cannot be turned on again while offline
        search.toggleAvailableNow();
        assertThat(search.availableOnlyProperty().get()).isFalse();
        assertThat(search.availableNowOfferedProperty().get()).isFalse();
    }

    @Test
    void holdCountsAreShownOnlyWhereTheServerGaveOne() {
        assertThat(search.holdCounts()).containsExactly(java.util.Map.entry("2", 3));
    }

    @Test
    void theCartFromAResultRowSaysWhatItDidAndNothingIsOfferedWithoutACart() {
        assertThat(search.cartOfferedProperty().get()).isFalse();
        search.addToCart("1");
        assertThat(search.cartResults()).isEmpty();

        // given a cart that is full after one record
        List<String> cart = new ArrayList<>();
        search.setCartAction((id, title) -> cart.contains(id) ? org.opackiosk.app.holds.CartAdder.Outcome.ALREADY_IN_CART : cart.isEmpty() && cart.add(id) ? org.opackiosk.app.holds.CartAdder.Outcome.ADDED : org.opackiosk.app.holds.CartAdder.Outcome.FULL);

        // when
        search.addToCart("1");
        search.addToCart("3");

        // then
        assertThat(cart).containsExactly("1");
        assertThat(search.cartResults()).containsEntry("1", "results.cart.added").containsEntry("3", "results.cart.full");

        // when the first is added again
        search.addToCart("1");

        // then
        assertThat(search.cartResults()).containsEntry("1", "results.cart.already");
        search.reset();
        assertThat(search.cartResults()).isEmpty();
        verify(circulation, never()).placeHold(org.mockito.ArgumentMatchers.any());
    }
}
