package org.opackiosk.app.devices;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.opackiosk.core.device.PrintResult;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.core.platform.UiDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One "print" button's state (レシートを印刷, 請求記号を印刷): offered only when the kiosk has a receipt
 * printer; printing runs on the {@link Scheduler} (a printer blocks for seconds) and its outcome comes
 * back as a result the screen puts in words. A printer out of paper or offline changes nothing else on
 * the screen: the patron can ask staff and press again. UI thread only.
 */
public final class SlipPrintViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SlipPrintViewModel.class);

    /** What the last press did; the screen shows it as a sentence ({@link #messageKey}). */
    public enum Outcome {
        PRINTED("print.done"),
        PAPER_OUT("print.paperOut"),
        OFFLINE("print.offline");

        private final String messageKey;

        Outcome(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Supplier<Optional<Slip>> slip;
    private final Scheduler scheduler;
    private final UiDispatcher dispatcher;
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private Optional<ReceiptPrinter> printer = Optional.empty();
    private ObservableValue<Boolean> applicable = new javafx.beans.property.SimpleBooleanProperty(true);
    private long generation;

    /** @param slip what to print now; empty when there is nothing to print (the button is then not offered) */
    public SlipPrintViewModel(Supplier<Optional<Slip>> slip, Scheduler scheduler, UiDispatcher dispatcher) {
        this.slip = Objects.requireNonNull(slip, "slip");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** The kiosk's printer, if it has one (the composition root attaches the devices after start). */
    public void attachPrinter(Optional<ReceiptPrinter> attached) {
        printer = Objects.requireNonNull(attached, "attached");
        updateOffered();
    }

    /** The button is offered only while {@code when} is true too (e.g. the record has copies to find). */
    public void offerOnlyWhen(ObservableValue<Boolean> when) {
        applicable = Objects.requireNonNull(when, "when");
        when.addListener((obs, old, now) -> updateOffered());
        updateOffered();
    }

    private void updateOffered() {
        offered.set(printer.isPresent() && Boolean.TRUE.equals(applicable.getValue()));
    }

    /** Forgets the last outcome whenever {@code what} changes (another hold, another record). */
    public void clearWhenChanged(ObservableValue<?> what) {
        what.addListener((obs, old, now) -> clear());
    }

    /** The button: prints the slip on a worker thread, unless a print is already under way. */
    public void print() {
        if (!offered.get() || busy.get()) {
            return;
        }
        Optional<Slip> toPrint = slip.get();
        if (toPrint.isEmpty()) {
            return;
        }
        ReceiptPrinter p = printer.get();
        busy.set(true);
        outcome.set(null);
        long current = generation;
        scheduler.execute(() -> {
            PrintResult result;
            try {
                result = p.print(toPrint.get());
            } catch (RuntimeException e) {
                LOG.error("Printing a slip on {} failed", p.describe(), e);
                result = new PrintResult.NotPrinted(PrinterStatus.OFFLINE, String.valueOf(e.getMessage()));
            }
            PrintResult done = result;
            dispatcher.dispatch(() -> {
                if (current != generation) {
                    return;
                }
                busy.set(false);
                outcome.set(switch (done) {
                    case PrintResult.Printed printed -> Outcome.PRINTED;
                    case PrintResult.NotPrinted not -> {
                        LOG.warn("Slip not printed: {} ({})", not.status(), not.detail());
                        yield not.status() == PrinterStatus.PAPER_OUT ? Outcome.PAPER_OUT : Outcome.OFFLINE;
                    }
                });
            });
        });
    }

    /** Whether the button is shown: a printer is attached (and what it prints applies). */
    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last press's outcome; null before any, and after {@link #clear}. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Forgets the outcome; a print still under way no longer reports here. */
    public void clear() {
        generation++;
        busy.set(false);
        outcome.set(null);
    }
}
