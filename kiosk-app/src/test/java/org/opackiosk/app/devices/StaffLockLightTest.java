package org.opackiosk.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.scan.ScanEvents;
import org.opackiosk.app.testing.FakeStaffKey;
import org.opackiosk.core.cards.CardProfiles;
import org.opackiosk.core.cards.ScanClassifier;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.platform.ManualScheduler;

/** The staff key's turns reach the UI thread; a staff-entry lock turns the light to fault until it ends. */
class StaffLockLightTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ConnectivityMonitor connectivity = new ConnectivityMonitor(() -> true, scheduler, Duration.ofSeconds(10));
    private final DeviceBridge bridge = new DeviceBridge(Runnable::run,
            new ScanEvents(new ScanClassifier(CardProfiles.EIGHT_DIGITS_LEADING_ZERO)), () -> { }, missing -> { });
    private final DeviceBridgeTest.RecordingIndicator indicator = new DeviceBridgeTest.RecordingIndicator();
    private final FakeStaffKey key = new FakeStaffKey();

    @Test
    void turningTheKeyReachesTheStaffEntry() {
        List<Boolean> heard = new ArrayList<>();
        bridge.onStaffKey(heard::add);
        bridge.attach(new KioskDevices(new DeviceBridgeTest.FakeScanner(), indicator, Optional.empty(), key), connectivity);

        key.turn(true);
        key.turn(false);

        assertThat(heard).containsExactly(true, false);
    }

    @Test
    void aLockedStaffEntryShowsFaultOverEverythingUntilItEnds() {
        bridge.attach(new KioskDevices(new DeviceBridgeTest.FakeScanner(), indicator, Optional.empty(), key), connectivity);
        connectivity.probeNow();
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);

        bridge.staffLocked(true);
        connectivity.probeNow();
        assertThat(indicator.lights).last().isEqualTo(LightState.FAULT);

        bridge.staffLocked(false);
        assertThat(indicator.lights).last().isEqualTo(LightState.READY);
    }

    @Test
    void aLockFromBeforeTheDevicesWereAttachedStillShows() {
        bridge.staffLocked(true);

        bridge.attach(new KioskDevices(new DeviceBridgeTest.FakeScanner(), indicator, Optional.empty(), key), connectivity);
        connectivity.probeNow();

        assertThat(indicator.lights).last().isEqualTo(LightState.FAULT);
    }
}
