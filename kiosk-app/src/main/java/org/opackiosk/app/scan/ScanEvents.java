package org.opackiosk.app.scan;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.opackiosk.core.cards.ScanClassifier;
import org.opackiosk.core.cards.ScannedCode;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.Subscription;

/**
 * Every scan of every scanner, classified by the library's card profile (card, ISBN, other), for
 * the view models. Published and delivered on the UI thread only: device threads reach it through
 * the {@link org.opackiosk.core.platform.UiDispatcher}.
 */
public final class ScanEvents {

    private final ScanClassifier classifier;
    private final List<Consumer<? super ScannedCode>> listeners = new CopyOnWriteArrayList<>();

    public ScanEvents(ScanClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** Calls {@code listener} on the UI thread with every scan from now on. */
    public Subscription subscribe(Consumer<? super ScannedCode> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Classifies {@code scan} and tells every listener (UI thread); returns what it was. */
    public ScannedCode publish(ScanEvent scan) {
        ScannedCode code = classifier.classify(scan);
        for (Consumer<? super ScannedCode> l : listeners) {
            l.accept(code);
        }
        return code;
    }
}
