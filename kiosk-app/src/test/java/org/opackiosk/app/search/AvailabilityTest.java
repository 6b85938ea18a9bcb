package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.ItemState;

class AvailabilityTest {

    private static Item copy(boolean notForLoan, boolean onLoan, ItemState state) {
        return new Item("i", "b", "CEN", "CEN", "913.6", "開架", "BK", notForLoan,
                onLoan ? Optional.of(LocalDate.of(2026, 12, 7)) : Optional.empty(), state);
    }

    @Test
    void aCopySetAsideForAHoldOrInTransitIsNotOnTheShelf() {
        assertThat(Availability.of(List.of(copy(false, false, ItemState.WAITING_FOR_PICKUP)))).isEqualTo(Availability.NOT_ON_SHELF);
        assertThat(Availability.of(List.of(copy(false, false, ItemState.IN_TRANSIT)))).isEqualTo(Availability.NOT_ON_SHELF);
    }

    @Test
    void oneLoanableCopyOnTheShelfIsEnough() {
        assertThat(Availability.of(List.of(copy(false, true, ItemState.ORDINARY), copy(false, false, ItemState.IN_TRANSIT),
                copy(false, false, ItemState.ORDINARY)))).isEqualTo(Availability.ON_SHELF);
    }

    @Test
    void copiesAllWithBorrowersAreOnLoanEvenWhenAlsoTrapped() {
        assertThat(Availability.of(List.of(copy(false, true, ItemState.WAITING_FOR_PICKUP), copy(false, true, ItemState.ORDINARY))))
                .isEqualTo(Availability.ON_LOAN);
    }

    @Test
    void referenceCopiesOnlyAreForUseInTheLibraryAndNoCopiesIsSaid() {
        assertThat(Availability.of(List.of(copy(true, false, ItemState.ORDINARY)))).isEqualTo(Availability.IN_LIBRARY_ONLY);
        assertThat(Availability.of(List.of())).isEqualTo(Availability.NO_COPIES);
    }
}
