package org.opackiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;

class PatronSessionTest {

    private static LoggedInPatron taro() {
        PatronId id = new PatronId("1");
        return new LoggedInPatron(id, "01000001", new PatronSummary(id, "01000001", "緑川 太郎", Optional.empty(),
                Optional.empty(), LocalDate.of(2028, 3, 31), Optional.empty(), 0, 0, 0, 0, List.of()));
    }

    @Test
    void endingTheSessionForgetsThePatronAndTellsEveryListener() {
        // given
        PatronSession session = new PatronSession();
        List<Optional<LoggedInPatron>> told = new ArrayList<>();
        session.addListener(told::add);
        session.start(taro());
        // when
        session.end();
        session.end();
        // then
        assertThat(session.current()).isEmpty();
        assertThat(told).hasSize(2);
        assertThat(told.get(1)).isEmpty();
    }

    @Test
    void aPatronNeverShowsTheWholeCardNumberInALogLine() {
        assertThat(taro().toString()).doesNotContain("01000001").contains("****0001");
        assertThat(taro().maskedCard()).isEqualTo("****0001");
    }
}
