package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.scan.ScanEvents;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.core.cards.ScanClassifier;
import org.opackiosk.core.cards.ScannedCode;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.RequestsInFlight;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.Listeners;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.device.Subscription;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.ManualScheduler;

class DeviceBridgeTest {

    /** A scanner the test drives (the app may not use device-drivers' simulated one). */
    static final class FakeScanner implements Scanner {
        final Listeners<ScanEvent> scans = new Listeners<>();
        final Listeners<ScannerStatus> statuses = new Listeners<>();
        ScannerStatus status = ScannerStatus.READY;

        void scan(Symbology s, String text) {
            scans.fire(new ScanEvent(s, text, ScanSource.SERIAL));
        }

        void status(ScannerStatus s) {
            status = s;
            statuses.fire(s);
        }

        @Override
        public Subscription onScan(Consumer<? super ScanEvent> listener) {
            return scans.add(listener);
        }

        @Override
        public Subscription onStatus(Consumer<? super ScannerStatus> listener) {
            return statuses.add(listener);
        }

        @Override
        public ScannerStatus status() {
            return status;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }

    /** Records what the light and buzzer were told. */
    static final class RecordingIndicator implements Indicator {
        final List<LightState> lights = new ArrayList<>();
        final List<Beep> beeps = new ArrayList<>();

        @Override
        public void show(LightState state) {
            lights.add(state);
        }

        @Override
        public void beep(Beep beep) {
            beeps.add(beep);
        }

        @Override
        public void close() {
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final ConnectivityMonitor connectivity = new ConnectivityMonitor(serverAnswers::get, scheduler, Duration.ofSeconds(10));
    private final ScanEvents scans = new ScanEvents(new ScanClassifier(CardProfiles.EIGHT_DIGITS_LEADING_ZERO));
    private final AtomicInteger activity = new AtomicInteger();
    private final AtomicBoolean missing = new AtomicBoolean();
    private final DeviceBridge bridge = new DeviceBridge(Runnable::run, scans, activity::incrementAndGet, missing::set);
    private final FakeScanner scanner = new FakeScanner();
    private final RecordingIndicator indicator = new RecordingIndicator();

    private void attach() {
        bridge.attach(new KioskDevices(scanner, indicator, Optional.empty(), StaffKey.none()), connectivity);
    }

    @Test
    void aCardOrABookBeepsOnceAndAnythingElseTwiceAndViewModelsHearWhatItWas() {
        attach();
        List<ScannedCode> heard = new ArrayList<>();
        scans.subscribe(heard::add);

        scanner.scan(Symbology.UNKNOWN, "A01000001A");
        scanner.scan(Symbology.UNKNOWN, "9784865200171");
        scanner.scan(Symbology.UNKNOWN, "4901234567894");

        assertThat(heard).hasSize(3);
        assertThat(heard.get(0)).isInstanceOf(ScannedCode.LibraryCard.class);
        assertThat(heard.get(1)).isInstanceOf(ScannedCode.Isbn.class);
        assertThat(heard.get(2)).isInstanceOf(ScannedCode.Other.class);
        assertThat(indicator.beeps).containsExactly(Beep.GOOD_SCAN, Beep.GOOD_SCAN, Beep.REJECTED);
        assertThat(activity.get()).isEqualTo(3);
    }

    @Test
    void anUnpluggedScannerIsShownAndTurnsTheLightRed() {
        attach();
        connectivity.probeNow();
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);
        assertThat(missing.get()).isFalse();

        scanner.status(ScannerStatus.MISSING);
        assertThat(missing.get()).isTrue();
        assertThat(indicator.lights).last().isEqualTo(LightState.FAULT);

        scanner.status(ScannerStatus.READY);
        assertThat(missing.get()).isFalse();
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);
    }

    @Test
    void theLightFollowsTheConnection() {
        assertThat(StatusLight.of(ConnectionState.ONLINE, ScannerStatus.NONE)).isEqualTo(LightState.READY);
        assertThat(StatusLight.of(ConnectionState.OFFLINE, ScannerStatus.READY)).isEqualTo(LightState.OFFLINE);
        assertThat(StatusLight.of(ConnectionState.CHECKING, ScannerStatus.READY)).isEqualTo(LightState.WORKING);
        assertThat(StatusLight.of(ConnectionState.OFFLINE, ScannerStatus.MISSING)).isEqualTo(LightState.FAULT);
        attach();
        serverAnswers.set(false);
        connectivity.probeNow();
        assertThat(indicator.lights).last().isEqualTo(LightState.OFFLINE);
    }

    @Test
    void theLightIsAmberWhileARequestWaitsLongerThanAMomentThenBackToWhatItWas() {
        // given: online, green
        RequestsInFlight requests = new RequestsInFlight(scheduler);
        bridge.followRequests(requests);
        attach();
        connectivity.probeNow();
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);
        int before = indicator.lights.size();

        // when: a quick request (under 300 ms)
        requests.begin().close();
        // then: the lamp is not touched, so it does not flicker
        assertThat(indicator.lights).hasSize(before);

        // when: a slow one
        RequestsInFlight.Request slow = requests.begin();
        scheduler.advance(Duration.ofMillis(300));
        assertThat(indicator.lights).last().isEqualTo(LightState.WORKING);
        slow.close();
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);

        // and offline: amber while trying, red blinking again after
        serverAnswers.set(false);
        connectivity.probeNow();
        RequestsInFlight.Request tried = requests.begin();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(indicator.lights).last().isEqualTo(LightState.WORKING);
        tried.close();
        assertThat(indicator.lights).last().isEqualTo(LightState.OFFLINE);
    }

    @Test
    void aMissingScannerStaysRedWhileTheKioskWorks() {
        assertThat(StatusLight.of(ConnectionState.ONLINE, ScannerStatus.MISSING, true)).isEqualTo(LightState.FAULT);
        assertThat(StatusLight.of(ConnectionState.OFFLINE, ScannerStatus.READY, true)).isEqualTo(LightState.WORKING);
        assertThat(StatusLight.of(ConnectionState.ONLINE, ScannerStatus.READY, true)).isEqualTo(LightState.WORKING);
    }

    @Test
    void closingStopsListeningAndTurnsTheLightOff() {
        attach();
        bridge.close();
        scanner.scan(Symbology.UNKNOWN, "01000001");
        assertThat(indicator.beeps).isEmpty();
        assertThat(indicator.lights).last().isEqualTo(LightState.OFF);
    }
}
