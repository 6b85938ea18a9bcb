package org.opackiosk.app.attract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.ManualScheduler;

class AttractViewModelTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Localization l10n = new Localization(Locale.JAPANESE);
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(ConnectionState.CHECKING);
    private final List<ScreenId> opened = new ArrayList<>();
    private final Navigator navigator = new Navigator() {
        @Override
        public void open(ScreenId screen) {
            opened.add(screen);
        }

        @Override
        public void goHome() {
            opened.add(ScreenId.ATTRACT);
        }
    };

    private AttractViewModel attractAt(MutableClock clock) {
        return new AttractViewModel(l10n, clock, scheduler, Runnable::run, navigator,
                new SimpleStringProperty("みどり市立図書館"), new SimpleStringProperty(""), connection.getReadOnlyProperty());
    }

    @Test
    void theDateAndTimeAreWrittenTheWayEachLanguageWritesThem() {
        // given: Monday 23 November 2026, 14:05:00 in Tokyo
        AttractViewModel attract = attractAt(new MutableClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO));

        // then
        assertThat(attract.dateTime().get()).isEqualTo("2026年11月23日（月） 14:05");
        l10n.setLocale(Locale.ENGLISH);
        assertThat(attract.dateTime().get()).isEqualTo("Mon 23 Nov 2026 14:05");
    }

    @Test
    void theTimeChangesOnTheMinuteEvenWhenStartedInTheMiddleOfOne() {
        // given: 14:05:40
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:05:40Z"), TOKYO);
        AttractViewModel attract = attractAt(clock);
        attract.start();

        // when: 19 s later it is still 14:05, 20 s later it is 14:06
        advance(clock, Duration.ofSeconds(19));
        assertThat(attract.dateTime().get()).endsWith("14:05");
        advance(clock, Duration.ofSeconds(1));

        // then
        assertThat(attract.dateTime().get()).endsWith("14:06");
        advance(clock, Duration.ofMinutes(1));
        assertThat(attract.dateTime().get()).endsWith("14:07");
    }

    @Test
    void stoppingLeavesNoTimerBehind() {
        AttractViewModel attract = attractAt(new MutableClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO));
        attract.start();

        attract.stop();

        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void theStatusLineSaysInWordsWhetherTheLibrarysSystemCanBeReached() {
        AttractViewModel attract = attractAt(new MutableClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO));

        assertThat(attract.status().get()).isEqualTo("接続中… 図書館のシステムに接続しています");
        connection.set(ConnectionState.ONLINE);
        assertThat(attract.status().get()).isEqualTo("図書館のシステムにつながっています");
        connection.set(ConnectionState.OFFLINE);
        assertThat(attract.status().get())
                .isEqualTo("オフライン：検索と、利用者カードをかざしての予約はできます。\nログイン・マイページは、つながるまでお待ちください。");
        l10n.setLocale(Locale.ENGLISH);
        assertThat(attract.status().get()).isEqualTo("Offline: you can search, and place holds by scanning your library card.\n"
                + "Sign-in and My page will be back when the connection returns.");
    }

    @Test
    void offlineTheCardPanelDoesNotPromiseLoansButSaysHowAHoldByCardWorks() {
        AttractViewModel attract = attractAt(new MutableClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO));
        connection.set(ConnectionState.ONLINE);
        assertThat(attract.scanDetail().get()).isEqualTo("予約や、借りている資料の確認ができます");

        connection.set(ConnectionState.OFFLINE);

        assertThat(attract.scanDetail().get()).isEqualTo("今は、資料をさがして「予約する」を押してから、カードをかざしてください");
        l10n.setLocale(Locale.ENGLISH);
        assertThat(attract.scanDetail().get()).isEqualTo("For now: find the item, touch “Place a hold”, then scan your card");
    }

    @Test
    void searchingOpensTheCatalogue() {
        attractAt(new MutableClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO)).searchCatalogue();

        assertThat(opened).containsExactly(ScreenId.SEARCH);
    }

    private void advance(MutableClock clock, Duration by) {
        clock.advance(by);
        scheduler.advance(by);
    }
}
