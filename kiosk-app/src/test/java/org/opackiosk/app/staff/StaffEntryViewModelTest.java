package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.frame.Navigator;
import org.opackiosk.app.frame.ScreenId;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.config.StaffSettings;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.staff.InMemoryStaffAudit;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.StaffEntry;
import org.opackiosk.core.staff.StaffPinHash;
import org.opackiosk.core.staff.StaffSession;

/** The ways into maintenance mode and out of it, the PIN, the lock and its end, on fake time. */
class StaffEntryViewModelTest {

    private static final String PIN = "482915";
    // hashed once: the hash is slow on purpose
    private static final String HASH = StaffPinHash.hash(PIN.toCharArray(), new SecureRandom());
    private static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");
    private static final String STAFF_CARD = "29990001";

    /** The frame's navigation, as far as this view model uses it. */
    static final class RecordingNavigator implements Navigator {
        final List<ScreenId> shown = new ArrayList<>(List.of(ScreenId.ATTRACT));

        @Override
        public void open(ScreenId screen) {
            shown.add(screen);
        }

        @Override
        public void goHome() {
            shown.add(ScreenId.ATTRACT);
        }

        ScreenId current() {
            return shown.getLast();
        }
    }

    private final MutableClock clock = new MutableClock(T0, ZoneId.of("Asia/Tokyo"));
    private final QueuedScheduler scheduler = new QueuedScheduler(false);
    private final InMemoryStaffAudit audit = new InMemoryStaffAudit();
    private final StaffSession session = new StaffSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final AtomicInteger patronSessionsEnded = new AtomicInteger();
    private final List<Boolean> lockLight = new ArrayList<>();
    private final Localization l10n = new Localization(Locale.JAPANESE);

    private static final StaffSettings WITH_PIN = new StaffSettings(Optional.of(HASH), Set.of(STAFF_CARD), Optional.empty(),
            true, true, Duration.ofMinutes(2));

    private StaffEntryViewModel viewModel(StaffSettings settings) {
        return new StaffEntryViewModel(new StaffEntry(settings, audit, clock), settings, session, clock, scheduler,
                Runnable::run, l10n, navigator, patronSessionsEnded::incrementAndGet, lockLight::add);
    }

    private static void type(StaffEntryViewModel vm, String digits) {
        for (char c : digits.toCharArray()) {
            vm.key(String.valueOf(c));
        }
    }

    private void advance(Duration by) {
        clock.advance(by);
        scheduler.advance(by);
    }

    private List<String> auditedActions() {
        return audit.recent(50).stream().map(StaffAuditEntry::action).toList();
    }

    @Test
    void aStaffCardEndsThePatronSessionAndAsksForThePin() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);

        boolean taken = vm.cardScanned(STAFF_CARD);

        assertThat(taken).isTrue();
        assertThat(patronSessionsEnded.get()).isEqualTo(1);
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(vm.staffCardProperty().get()).isEqualTo("****0001");
        assertThat(session.active()).isFalse();
    }

    @Test
    void aPatronsCardIsLeftToThePatronLogin() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);

        assertThat(vm.cardScanned("01000001")).isFalse();
        assertThat(patronSessionsEnded.get()).isZero();
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
    }

    @Test
    void theRightPinOpensMaintenanceModeForTheMaskedCardAndIsAudited() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.cardScanned(STAFF_CARD);
        type(vm, PIN);
        assertThat(vm.pinShownProperty().get()).isEqualTo("●●●●●●");

        vm.submit();

        assertThat(session.staff()).contains("****0001");
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF);
        assertThat(vm.holdsNothing()).isTrue();
        assertThat(audit.recent(1).getFirst()).isEqualTo(
                new StaffAuditEntry(T0, "****0001", StaffEntry.ACTION_ENTER, "staff card and PIN"));
    }

    @Test
    void thePinIsCheckedOffTheUiThreadAndTheScreenSaysSoMeanwhile() {
        scheduler.setHoldWork(true);
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.namePressed();
        type(vm, PIN);

        vm.submit();

        assertThat(vm.checkingProperty().get()).isTrue();
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(session.active()).isFalse();
        scheduler.runQueuedWork();
        assertThat(vm.checkingProperty().get()).isFalse();
        assertThat(session.staff()).contains("library name");
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeft() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.cardScanned(STAFF_CARD);
        type(vm, "111111");

        vm.submit();

        assertThat(session.active()).isFalse();
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(vm.attemptsLeftProperty().get()).isEqualTo(4);
        assertThat(vm.messageProperty().get()).isEqualTo("暗証番号が違います。あと4回間違えると、15分間入れなくなります。");
        l10n.setLocale(Locale.ENGLISH);
        assertThat(vm.messageProperty().get()).startsWith("That PIN is not correct. 4 more wrong");
    }

    @Test
    void fiveWrongPinsLockEntryTurnTheLightToFaultAndTheLockEndsAfterFifteenMinutes() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.cardScanned(STAFF_CARD);
        for (int i = 0; i < 5; i++) {
            type(vm, "111111");
            vm.submit();
        }

        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.lockedUntilProperty().get()).isEqualTo("14:20");
        assertThat(lockLight).containsExactly(true);
        type(vm, PIN);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(auditedActions()).contains(StaffEntry.ACTION_LOCK);

        advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(vm.lockedProperty().get()).isTrue();
        advance(Duration.ofSeconds(1));

        assertThat(vm.lockedProperty().get()).isFalse();
        assertThat(lockLight).containsExactly(true, false);
        assertThat(vm.attemptsLeftProperty().get()).isEqualTo(5);
        type(vm, PIN);
        vm.submit();
        assertThat(session.active()).isTrue();
    }

    @Test
    void withoutAPinThePinScreenSaysToAskTheTechnicianAndTakesNoDigits() {
        StaffEntryViewModel vm = viewModel(new StaffSettings(Optional.empty(), Set.of(STAFF_CARD), Optional.empty(),
                true, true, Duration.ofMinutes(2)));

        vm.cardScanned(STAFF_CARD);
        type(vm, PIN);

        assertThat(vm.pinConfigured()).isFalse();
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(vm.messageProperty().get()).contains("kioskctl set-staff-pin", "技術担当者");
        assertThat(vm.pinShownProperty().get()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isFalse();
    }

    @Test
    void theKeySwitchOpensMaintenanceModeWithoutAPinAndTurningItBackClosesIt() {
        StaffEntryViewModel vm = viewModel(StaffSettings.DEFAULTS);

        vm.keySwitch(true);

        assertThat(patronSessionsEnded.get()).isEqualTo(1);
        assertThat(session.staff()).contains("key switch");
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF);

        vm.keySwitch(false);

        assertThat(session.active()).isFalse();
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(patronSessionsEnded.get()).as("language and text size back to the defaults").isEqualTo(2);
        assertThat(audit.recent(2)).extracting(StaffAuditEntry::action, StaffAuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StaffEntry.ACTION_LEAVE, "key switch turned off"),
                org.assertj.core.groups.Tuple.tuple(StaffEntry.ACTION_ENTER, "key switch"));
    }

    @Test
    void waysInSwitchedOffInTheConfigurationDoNothing() {
        StaffEntryViewModel vm = viewModel(new StaffSettings(Optional.of(HASH), Set.of(), Optional.empty(),
                false, false, Duration.ofMinutes(2)));

        vm.keySwitch(true);
        vm.namePressed();

        assertThat(vm.cardScanned(STAFF_CARD)).isFalse();
        assertThat(session.active()).isFalse();
        assertThat(navigator.shown).containsExactly(ScreenId.ATTRACT);
        assertThat(patronSessionsEnded.get()).isZero();
    }

    @Test
    void theNamePressAsksForThePin() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);

        vm.namePressed();

        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF_ENTRY);
        assertThat(vm.staffCardProperty().get()).isEmpty();
        type(vm, PIN);
        vm.submit();
        assertThat(session.staff()).contains("library name");
        assertThat(patronSessionsEnded.get()).isEqualTo(1);
    }

    @Test
    void maintenanceModeClosesItselfAfterTwoIdleMinutesAndActivityKeepsItOpen() {
        StaffEntryViewModel vm = viewModel(StaffSettings.DEFAULTS);
        vm.keySwitch(true);

        advance(Duration.ofSeconds(90));
        vm.userActivity();
        advance(Duration.ofSeconds(90));
        assertThat(session.active()).isTrue();

        advance(Duration.ofSeconds(30));

        assertThat(session.active()).isFalse();
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(audit.recent(1).getFirst().outcome()).isEqualTo("2 minutes idle");
    }

    @Test
    void inMaintenanceModeEveryCardIsTakenSoThatNoPatronLoginStarts() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.keySwitch(true);

        assertThat(vm.cardScanned("01000001")).isTrue();
        assertThat(vm.cardScanned(STAFF_CARD)).isTrue();
        assertThat(navigator.current()).isEqualTo(ScreenId.STAFF);
    }

    @Test
    void cancelGoesHomeAndForgetsTheDigits() {
        StaffEntryViewModel vm = viewModel(WITH_PIN);
        vm.cardScanned(STAFF_CARD);
        type(vm, "4829");

        vm.cancel();

        assertThat(navigator.current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(vm.holdsNothing()).isTrue();
        assertThat(session.active()).isFalse();
        assertThat(audit.recent(5)).isEmpty();
    }

    @Test
    void whenTheDashboardEndedTheSessionItselfLeavingIsNotRecordedTwice() {
        StaffEntryViewModel vm = viewModel(StaffSettings.DEFAULTS);
        vm.keySwitch(true);
        session.end(); // the dashboard's leave button records and ends the session

        vm.leave();

        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(auditedActions()).containsExactly(StaffEntry.ACTION_ENTER);
    }
}
