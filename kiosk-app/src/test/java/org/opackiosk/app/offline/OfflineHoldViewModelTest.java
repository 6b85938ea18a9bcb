package org.opackiosk.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.config.OfflineSettings;
import org.opackiosk.core.offline.CardInput;
import org.opackiosk.core.offline.OfflineHoldPolicy;
import org.opackiosk.core.offline.OfflineHolds;
import org.opackiosk.core.outbox.InMemoryOutbox;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.TestClock;
import org.opackiosk.core.platform.ManualScheduler;

class OfflineHoldViewModelTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T05:05:00Z"), TOKYO);
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final OfflineHolds holds = new OfflineHolds(new OfflineHoldPolicy(new OfflineSettings(3, 200), outbox), outbox);
    private final List<Consumer<CardInput>> listeners = new ArrayList<>();
    private final CardNumberSource scanner = listener -> {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    };
    private final Localization l10n = new Localization(Locale.JAPANESE);
    private final OfflineHoldViewModel model = new OfflineHoldViewModel(holds, scanner,
            () -> List.of(new Library("CEN", "中央図書館", true), new Library("BM", "移動図書館", true),
                    new Library("ADM", "事務室", false)),
            l10n, TOKYO, new ManualScheduler(), Runnable::run);

    private void scan(CardInput card) {
        List.copyOf(listeners).forEach(l -> l.accept(card));
    }

    @Test
    void aScannedCardAPickupChoiceAndAReceiptThatSaysWhatHappensNext() {
        // given
        model.start("42", "星の王子さま");
        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.SCAN_CARD);
        assertThat(model.message().get()).contains("スキャナー").contains("パスワードは不要");

        // when
        scan(CardInput.scanned("01000001"));

        // then
        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.CHOOSE_PICKUP);
        assertThat(model.pickupLocations()).extracting(Library::id).containsExactly("CEN", "BM");
        assertThat(listeners).as("no longer listening for cards").isEmpty();

        // when
        model.choosePickup("BM");

        // then
        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.RECEIPT);
        assertThat(model.receipt().get()).contains("星の王子さま", "移動図書館", "****0001", "2026年11月23日 14時05分")
                .doesNotContain("01000001");
        assertThat(model.message().get()).contains("送られ", "規則");
        OutboxEntry saved = outbox.head().orElseThrow();
        assertThat(saved.operation()).isEqualTo(Operation.PlaceHold.single(PatronRef.card("01000001"), "42", "BM"));
    }

    @Test
    void aTypedCardNumberIsRefusedWithAHint() {
        model.start("42", "星の王子さま");

        model.cardPresented(CardInput.typed("01000001"));

        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.REFUSED);
        assertThat(model.message().get()).contains("カード番号の入力では予約できません");
        assertThat(outbox.countOpen()).isZero();
    }

    @Test
    void theFourthHoldOfOneCardIsRefusedWithTheLimit() {
        for (int i = 0; i < 3; i++) {
            model.start("4" + i, "本");
            scan(CardInput.scanned("01000001"));
            model.choosePickup("CEN");
            model.clear();
        }

        model.start("49", "本");
        scan(CardInput.scanned("01000001"));

        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.REFUSED);
        assertThat(model.message().get()).contains("3件まで");
    }

    @Test
    void endingTheFlowForgetsEverythingOfThePatron() {
        model.start("42", "星の王子さま");
        scan(CardInput.scanned("01000001"));
        model.choosePickup("CEN");

        model.clear();

        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.IDLE);
        assertThat(model.receipt().get()).isEmpty();
        assertThat(model.title().get()).isEmpty();
        assertThat(model.pickupLocations()).isEmpty();
    }

    @Test
    void aCardScannedWhenNoFlowWaitsIsIgnored() {
        model.cardPresented(CardInput.scanned("01000001"));

        assertThat(model.stepProperty().get()).isEqualTo(OfflineHoldViewModel.Step.IDLE);
        assertThat(outbox.countOpen()).isZero();
    }

    @Test
    void theReceiptSpeaksEnglishToo() {
        l10n.setLocale(Locale.ENGLISH);
        model.start("42", "The Little Prince");
        scan(CardInput.scanned("01000001"));
        model.choosePickup("CEN");

        assertThat(model.message().get()).contains("sent as soon as", "rules");
        assertThat(model.receipt().get()).contains("23 November 2026, 14:05");
    }

    @Test
    void everyFeatureRefusedOfflineHasAMessageAndAHintInBothLanguages() {
        for (Locale language : Localization.SUPPORTED) {
            l10n.setLocale(language);
            for (OfflineFeature feature : OfflineFeature.values()) {
                assertThat(feature.message(l10n).get()).as(feature + " " + language).isNotBlank();
                assertThat(feature.hint(l10n).get()).as(feature + " hint " + language).isNotBlank();
            }
        }
        l10n.setLocale(Locale.JAPANESE);
        assertThat(OfflineFeature.LOGIN.message(l10n).get()).contains("ログインできません");
    }

    @Test
    void theKioskLimitIsExplained() {
        OfflineHolds full = new OfflineHolds(new OfflineHoldPolicy(new OfflineSettings(0, 0), outbox), outbox);
        OfflineHoldViewModel tight = new OfflineHoldViewModel(full, scanner, List::of, l10n, TOKYO, new ManualScheduler(),
                Runnable::run);
        tight.start("42", "本");

        tight.cardPresented(CardInput.scanned("01000001"));

        assertThat(tight.message().get()).contains("これ以上");
        assertThat(full.check(CardInput.scanned("01000001"))).isInstanceOf(OfflineHoldPolicy.Refused.class);
    }

    @Test
    void thePaperReceiptRepeatsTheScreensReceiptWithoutTheCardNumber() {
        // given
        model.setLibraryName(() -> "みどり市立図書館");
        model.start("42", "星の王子さま");
        assertThat(model.receiptSlip()).isEmpty();
        scan(CardInput.scanned("01000001"));

        // when
        model.choosePickup("BM");

        // then
        String paper = model.receiptSlip().orElseThrow().toString();
        assertThat(paper).contains("星の王子さま", "移動図書館", "2026年11月23日 14時05分", "みどり市立図書館", "受付番号: 1")
                .doesNotContain("01000001").doesNotContain("0001");
        model.clear();
        assertThat(model.receiptSlip()).isEmpty();
    }

    @Test
    void theReceiptFollowsTheLanguageThePatronSwitchesTo() {
        // given
        model.start("42", "星の王子さま");
        scan(CardInput.scanned("01000001"));
        model.choosePickup("BM");

        // when
        l10n.setLocale(Locale.ENGLISH);

        // then
        assertThat(model.receipt().get()).contains("Item: 星の王子さま", "Pick up at: 移動図書館", "Card: ****0001",
                "Received: 23 November 2026, 14:05", "Number: 1");
        assertThat(model.message().get()).startsWith("Your hold request is saved on this kiosk.");
        assertThat(model.receiptSlip().orElseThrow().toString()).contains("Hold request received");
    }
}
