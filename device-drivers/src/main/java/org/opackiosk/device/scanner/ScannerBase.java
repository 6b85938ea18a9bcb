package org.opackiosk.device.scanner;

import java.util.function.Consumer;

import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Subscription;

/** Listeners and status shared by the scanner implementations. Thread-safe. */
public abstract class ScannerBase implements Scanner {

    private final Listeners<ScanEvent> scans = new Listeners<>();
    private final Listeners<ScannerStatus> statuses = new Listeners<>();
    private volatile ScannerStatus status;

    protected ScannerBase(ScannerStatus initial) {
        this.status = initial;
    }

    @Override
    public final Subscription onScan(Consumer<? super ScanEvent> listener) {
        return scans.add(listener);
    }

    @Override
    public final Subscription onStatus(Consumer<? super ScannerStatus> listener) {
        return statuses.add(listener);
    }

    @Override
    public final ScannerStatus status() {
        return status;
    }

    protected final void emit(ScanEvent scan) {
        scans.fire(scan);
    }

    /** Sets the status and tells the listeners, only when it changes. */
    protected final void setStatus(ScannerStatus next) {
        ScannerStatus previous;
        synchronized (this) {
            previous = status;
            status = next;
        }
        if (previous != next) {
            statuses.fire(next);
        }
    }
}
