package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.holds.HoldReceipt;
import org.opackiosk.app.holds.HoldViewModel;
import org.opackiosk.app.search.CallNumberSlip;
import org.opackiosk.app.search.RecordViewModel;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.config.LibrarySettings;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;

class SlipPrintViewModelTest {

    /** A printer the test scripts: each print takes the next result (printed when none is scripted) and keeps the slip. */
    static final class FakePrinter implements ReceiptPrinter {
        final List<Slip> printed = new ArrayList<>();
        final Deque<PrintResult> script = new ArrayDeque<>();
        RuntimeException failure;

        @Override
        public PrinterStatus status() {
            return PrinterStatus.UNKNOWN;
        }

        @Override
        public PrintResult print(Slip slip) {
            if (failure != null) {
                throw failure;
            }
            PrintResult next = script.isEmpty() ? new PrintResult.Printed() : script.poll();
            if (next instanceof PrintResult.Printed) {
                printed.add(slip);
            }
            return next;
        }

        @Override
        public String describe() {
            return "fake printer";
        }

        @Override
        public void close() {
        }
    }

    private static final LibrarySettings LIBRARY = new LibrarySettings("みどり市立図書館", "Midori City Library", "CEN", "#1F6F8B");

    private final QueuedScheduler scheduler = new QueuedScheduler(true);
    private final FakePrinter printer = new FakePrinter();
    private final SimpleObjectProperty<HoldViewModel.Placed> placed = new SimpleObjectProperty<>(
            new HoldViewModel.Placed("走れメロス", "北分館", Optional.of(3)));
    private final SlipPrintViewModel receipt = new SlipPrintViewModel(
            () -> HoldReceipt.of(placed.get(), LIBRARY, LocalDate.of(2026, 11, 23), Locale.JAPANESE), scheduler, Runnable::run);

    private static List<String> texts(Slip slip) {
        List<String> texts = new ArrayList<>();
        for (Slip.Line line : slip.lines()) {
            switch (line) {
                case Slip.Text t -> texts.add(t.text());
                case Slip.Heading h -> texts.add(h.text());
                case Slip.Qr q -> texts.add("QR " + q.data());
                default -> { }
            }
        }
        return texts;
    }

    @Test
    void withoutAPrinterTheButtonIsNotOfferedAndPressingDoesNothing() {
        receipt.attachPrinter(Optional.empty());

        receipt.print();

        assertThat(receipt.offeredProperty().get()).isFalse();
        assertThat(scheduler.queuedWork()).isZero();
        assertThat(receipt.outcomeProperty().get()).isNull();
    }

    @Test
    void theHoldReceiptCarriesTitlePickupLibraryAndPlaceInQueueAndIsPrintedOffTheUiThread() {
        // given
        receipt.attachPrinter(Optional.of(printer));
        assertThat(receipt.offeredProperty().get()).isTrue();

        // when
        receipt.print();

        // then: busy until the printer has answered on the worker
        assertThat(receipt.busyProperty().get()).isTrue();
        assertThat(printer.printed).isEmpty();
        receipt.print(); // a second press while printing does not print twice
        scheduler.runQueuedWork();
        assertThat(receipt.busyProperty().get()).isFalse();
        assertThat(receipt.outcomeProperty().get()).isEqualTo(SlipPrintViewModel.Outcome.PRINTED);
        assertThat(printer.printed).hasSize(1);
        assertThat(texts(printer.printed.get(0))).contains("みどり市立図書館", "予約を受け付けました", "走れメロス",
                "受取館: 北分館", "予約順位: 3番目", "予約日: 2026年11月23日");
    }

    @Test
    void outOfPaperIsSaidAndPressingAgainAfterStaffRefillItPrints() {
        receipt.attachPrinter(Optional.of(printer));
        printer.script.add(new PrintResult.NotPrinted(PrinterStatus.PAPER_OUT, "paper end sensor"));

        receipt.print();
        scheduler.runQueuedWork();

        assertThat(receipt.outcomeProperty().get()).isEqualTo(SlipPrintViewModel.Outcome.PAPER_OUT);
        assertThat(receipt.outcomeProperty().get().messageKey()).isEqualTo("print.paperOut");
        assertThat(printer.printed).isEmpty();
        assertThat(placed.get()).as("the hold shown is untouched").isNotNull();

        receipt.print();
        scheduler.runQueuedWork();
        assertThat(receipt.outcomeProperty().get()).isEqualTo(SlipPrintViewModel.Outcome.PRINTED);
        assertThat(printer.printed).hasSize(1);
    }

    @Test
    void anOfflinePrinterOrOneThatThrowsIsOffline() {
        receipt.attachPrinter(Optional.of(printer));
        printer.script.add(new PrintResult.NotPrinted(PrinterStatus.OFFLINE, "unplugged"));
        receipt.print();
        scheduler.runQueuedWork();
        assertThat(receipt.outcomeProperty().get()).isEqualTo(SlipPrintViewModel.Outcome.OFFLINE);

        printer.failure = new IllegalStateException("driver bug");
        receipt.print();
        scheduler.runQueuedWork();
        assertThat(receipt.outcomeProperty().get()).isEqualTo(SlipPrintViewModel.Outcome.OFFLINE);
        assertThat(receipt.busyProperty().get()).isFalse();
    }

    @Test
    void anotherHoldForgetsTheOutcomeAndALateAnswerIsNotShownForIt() {
        receipt.attachPrinter(Optional.of(printer));
        receipt.clearWhenChanged(placed);
        receipt.print();
        scheduler.runQueuedWork();
        assertThat(receipt.outcomeProperty().get()).isNotNull();

        placed.set(new HoldViewModel.Placed("山月記", "中央図書館", Optional.empty()));
        assertThat(receipt.outcomeProperty().get()).isNull();

        receipt.print();
        placed.set(null); // the session ends while the printer works
        scheduler.runQueuedWork();
        assertThat(receipt.outcomeProperty().get()).isNull();
        assertThat(receipt.busyProperty().get()).isFalse();
    }

    @Test
    void nothingPlacedMeansNothingToPrint() {
        receipt.attachPrinter(Optional.of(printer));
        placed.set(null);

        receipt.print();

        assertThat(scheduler.queuedWork()).isZero();
        assertThat(receipt.busyProperty().get()).isFalse();
    }

    @Test
    void theCartReceiptListsEachPlacedTitleWithItsPlaceAndTheOnePickupLibraryInEnglishToo() {
        SimpleObjectProperty<org.opackiosk.app.holds.CartViewModel.Receipt> placedTogether = new SimpleObjectProperty<>(
                new org.opackiosk.app.holds.CartViewModel.Receipt("北分館", List.of(
                        new org.opackiosk.core.device.Slips.PlacedHold("三国志 第1巻", Optional.of(2)),
                        new org.opackiosk.core.device.Slips.PlacedHold("三国志 第2巻", Optional.empty()))));
        SlipPrintViewModel cart = new SlipPrintViewModel(() -> HoldReceipt.ofCart(placedTogether.get(), LIBRARY,
                LocalDate.of(2026, 11, 23), Locale.ENGLISH), scheduler, Runnable::run);
        cart.offerOnlyWhen(placedTogether.isNotNull());
        cart.attachPrinter(Optional.of(printer));

        cart.print();
        scheduler.runQueuedWork();

        assertThat(texts(printer.printed.get(0))).containsSubsequence("Midori City Library", "Holds placed",
                "Pickup library: 北分館", "Placed on 23 Nov 2026", "三国志 第1巻", "  Place in the queue: 2", "三国志 第2巻");
        placedTogether.set(null);
        assertThat(cart.offeredProperty().get()).isFalse();
    }

    @Test
    void theCallNumberSlipIsOfACopyOnTheShelfWithTheRecordsQrCodeAndOnlyOfferedWithCopies() {
        // given: a record with a copy on loan listed first and one on the shelf
        CatalogueEntry entry = new CatalogueEntry("r7", "走れメロス", "", "ハシレメロス", "", "", "", List.of("太宰, 治"),
                List.of(), "新潮社", "東京", OptionalInt.of(1940), "", List.of(), "913.6", List.of(), "BK", "jpn", "",
                List.of(), Instant.EPOCH);
        List<RecordViewModel.Holding> holdings = new ArrayList<>(List.of(
                new RecordViewModel.Holding("中央図書館", "913.6/ダ", "一般書架", RecordViewModel.Status.ON_LOAN,
                        Optional.of(LocalDate.of(2026, 12, 1))),
                new RecordViewModel.Holding("北分館", "913.6/ダザ", "文庫コーナー", RecordViewModel.Status.ON_SHELF, Optional.empty())));
        SimpleBooleanProperty hasCopies = new SimpleBooleanProperty(true);
        SlipPrintViewModel callNumber = new SlipPrintViewModel(
                () -> CallNumberSlip.of(entry, holdings, Optional.of("https://opac.example.jp/record/r7")), scheduler, Runnable::run);
        callNumber.offerOnlyWhen(hasCopies);
        callNumber.attachPrinter(Optional.of(printer));
        assertThat(callNumber.offeredProperty().get()).isTrue();

        // when
        callNumber.print();
        scheduler.runQueuedWork();

        // then
        List<String> texts = texts(printer.printed.get(0));
        assertThat(texts).contains("北分館", "走れメロス", "913.6/ダザ", "配架場所 / Shelf: 文庫コーナー",
                "QR https://opac.example.jp/record/r7");
        assertThat(texts).doesNotContain("913.6/ダ");

        hasCopies.set(false);
        assertThat(callNumber.offeredProperty().get()).isFalse();
        callNumber.print();
        assertThat(scheduler.queuedWork()).isZero();
    }
}
