package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.core.config.LibrarySettings;
import org.opackiosk.core.config.UiSettings;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.platform.ManualScheduler;

class FrameViewModelTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeCirculationService circulation = FakeCirculationService.withSampleCatalogue();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(false);
    private final ConnectivityMonitor connectivity = new ConnectivityMonitor(serverAnswers::get, scheduler, Duration.ofSeconds(30));
    private final Localization l10n = new Localization(Locale.JAPANESE);
    private final FrameViewModel frame = new FrameViewModel(LibrarySettings.DEMO, UiSettings.DEFAULTS, l10n, circulation.service(),
            connectivity, scheduler, Runnable::run);

    @Test
    void startsAtHomeWithNoWayBack() {
        assertThat(frame.currentScreenProperty().get()).isEqualTo(ScreenId.ATTRACT);
        assertThat(frame.breadcrumb()).containsExactly(ScreenId.ATTRACT);
        assertThat(frame.canGoBackProperty().get()).isFalse();
    }

    @Test
    void openingAScreenRemembersTheWayBack() {
        // when
        frame.open(ScreenId.SEARCH);

        // then
        assertThat(frame.currentScreenProperty().get()).isEqualTo(ScreenId.SEARCH);
        assertThat(frame.breadcrumb()).containsExactly(ScreenId.ATTRACT, ScreenId.SEARCH);
        assertThat(frame.canGoBackProperty().get()).isTrue();
    }

    @Test
    void backReturnsToTheScreenThePatronCameFrom() {
        // given
        frame.open(ScreenId.SEARCH);

        // when
        frame.goBack();

        // then
        assertThat(frame.currentScreenProperty().get()).isEqualTo(ScreenId.ATTRACT);
        assertThat(frame.canGoBackProperty().get()).isFalse();
        assertThat(frame.breadcrumb()).containsExactly(ScreenId.ATTRACT);
    }

    @Test
    void homeKeepsTheLanguageAndTextSize() {
        // given
        frame.open(ScreenId.SEARCH);
        frame.switchLanguage(Locale.ENGLISH);
        frame.setTextSize(TextSize.LARGE);

        // when
        frame.goHome();

        // then
        assertThat(frame.currentScreenProperty().get()).isEqualTo(ScreenId.ATTRACT);
        assertThat(l10n.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(frame.textSizeProperty().get()).isEqualTo(TextSize.LARGE);
    }

    @Test
    void resettingTheSessionRestoresTheConfiguredLanguageAndTextSizeAtHome() {
        // given
        frame.open(ScreenId.SEARCH);
        frame.switchLanguage(Locale.ENGLISH);
        frame.setTextSize(TextSize.LARGE);

        // when
        frame.resetSession();

        // then
        assertThat(frame.currentScreenProperty().get()).isEqualTo(ScreenId.ATTRACT);
        assertThat(l10n.locale()).isEqualTo(Locale.JAPANESE);
        assertThat(frame.textSizeProperty().get()).isEqualTo(TextSize.NORMAL);
        assertThat(frame.canGoBackProperty().get()).isFalse();
    }

    @Test
    void aSessionIsInProgressWhenAnythingDiffersFromTheStart() {
        assertThat(frame.sessionInProgress().get()).isFalse();

        frame.switchLanguage(Locale.ENGLISH);
        assertThat(frame.sessionInProgress().get()).isTrue();
        frame.switchLanguage(Locale.JAPANESE);

        frame.setTextSize(TextSize.LARGE);
        assertThat(frame.sessionInProgress().get()).isTrue();
        frame.setTextSize(TextSize.NORMAL);

        frame.open(ScreenId.SEARCH);
        assertThat(frame.sessionInProgress().get()).isTrue();
        frame.goHome();

        assertThat(frame.sessionInProgress().get()).isFalse();
    }

    @Test
    void theLibraryNameFollowsTheLanguage() {
        assertThat(frame.libraryName().get()).isEqualTo("みどり市立図書館");

        frame.switchLanguage(Locale.ENGLISH);

        assertThat(frame.libraryName().get()).isEqualTo("Midori City Library");
    }

    @Test
    void followsTheConnectionStateAndLearnsTheBranchNameOnceTheServerAnswers() {
        // given: not known yet, and the server does not answer
        assertThat(frame.connectionStateProperty().get()).isEqualTo(ConnectionState.CHECKING);
        circulation.setReachable(false);
        connectivity.probeNow();
        assertThat(frame.connectionStateProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(frame.branchNameProperty().get()).isEmpty();

        // when
        serverAnswers.set(true);
        circulation.setReachable(true);
        connectivity.probeNow();

        // then
        assertThat(frame.connectionStateProperty().get()).isEqualTo(ConnectionState.ONLINE);
        assertThat(frame.branchNameProperty().get()).isEqualTo("中央図書館");
    }
}
