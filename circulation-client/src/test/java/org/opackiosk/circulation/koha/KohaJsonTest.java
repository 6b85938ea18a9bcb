package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.Item;

class KohaJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void biblioWithoutAnIdIsMalformed() {
        assertThatThrownBy(() -> KohaJson.biblio(json("{\"title\":\"x\"}"), TOKYO))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("biblio_id");
    }

    @Test
    void messyCatalogueYearsGiveTheirFirstFourDigitsOrNothing() throws Exception {
        assertThat(KohaJson.biblio(json("{\"biblio_id\":1,\"copyright_date\":\"[2019]\"}"), TOKYO).year()).isEqualTo(2019);
        assertThat(KohaJson.biblio(json("{\"biblio_id\":1,\"copyright_date\":\"19--\",\"publication_year\":null}"), TOKYO).year()).isNull();
    }

    @Test
    void malformedTimestampIsMalformed() {
        assertThatThrownBy(() -> KohaJson.biblio(json("{\"biblio_id\":1,\"timestamp\":\"yesterday\"}"), TOKYO))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void dueDateMayBeADateOrADateTimeWithOffset() throws Exception {
        // when
        var items = KohaJson.items(json("""
                [{"item_id":1,"checkout":{"due_date":"2026-03-01"}},
                 {"item_id":2,"checkout":{"due_date":"2026-03-02T23:59:00+09:00"}},
                 {"item_id":"3","not_for_loan_status":-1}]"""));

        // then
        assertThat(items).extracting(Item::dueDate)
                .containsExactly(Optional.of(LocalDate.of(2026, 3, 1)), Optional.of(LocalDate.of(2026, 3, 2)), Optional.empty());
        assertThat(items.get(2).notForLoan()).as("negative statuses (on order) are not for loan either").isTrue();
        assertThat(items.get(2).barcode()).isEmpty();
    }

    @Test
    void checkoutWithoutADueDateIsMalformed() {
        assertThatThrownBy(() -> KohaJson.items(json("[{\"item_id\":1,\"checkout\":{\"checkout_id\":4}}]")))
                .isInstanceOf(MalformedResponseException.class);
    }
}
