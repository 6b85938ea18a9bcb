package org.opackiosk.device.light;

import java.time.Duration;
import java.util.Optional;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.platform.ExecutorScheduler;

/**
 * On a Raspberry Pi with the light wired (excluded from the build): {@code OPAC_LIGHT_PINS=17,27,22,18
 * ./mvnw -pl device-drivers verify -Dtest=GpioHardwareTest}; watch green, amber, red blinking, red, and
 * listen for one short and two long beeps.
 */
class GpioHardwareTest {

    @Test
    void everyStateAndBeepOnce() throws Exception {
        String pins = System.getenv("OPAC_LIGHT_PINS");
        Assumptions.assumeTrue(pins != null, "set OPAC_LIGHT_PINS=green,amber,red,buzzer (BCM)");
        String[] p = pins.split(",");
        Context pi4j = Pi4J.newAutoContext();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(1);
             GpioIndicator light = new GpioIndicator(pi4j, new LightSettings(Optional.of(Integer.parseInt(p[0])),
                     Optional.of(Integer.parseInt(p[1])), Optional.of(Integer.parseInt(p[2])), Optional.of(Integer.parseInt(p[3])),
                     Optional.empty(), false), scheduler)) {
            for (LightState s : new LightState[] {LightState.READY, LightState.WORKING, LightState.OFFLINE, LightState.FAULT}) {
                light.show(s);
                Thread.sleep(Duration.ofSeconds(2)); // a person watches the lamp: real time is the point here
            }
            light.beep(Beep.GOOD_SCAN);
            Thread.sleep(Duration.ofSeconds(1));
            light.beep(Beep.REJECTED);
            Thread.sleep(Duration.ofSeconds(1));
        } finally {
            pi4j.shutdown();
        }
    }
}
