package org.opackiosk.device.light;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.platform.ExecutorScheduler;
import org.opackiosk.device.testing.HardwareProperty;

/**
 * The status light, buzzer and staff key on a Raspberry Pi's GPIO (gpiod), only with {@code -Phardware}:
 * {@code -Dopac.light.pins=17,27,22,18} (BCM green, amber, red, buzzer; {@code -Dopac.light.active_low=true}
 * when the board switches on low) and {@code -Dopac.staffkey.pin=23}. Watch green, amber, red blinking, red,
 * listen for one short and two long beeps; turn the key within 30 s.
 */
@Tag("hardware")
class GpioHardwareTest {

    private static boolean activeLow() {
        return Boolean.parseBoolean(HardwareProperty.optional("opac.light.active_low").orElse("false"));
    }

    @Test
    void everyStateLightsItsLampsAndTheBuzzerBeeps() throws Exception {
        String pins = HardwareProperty.required("opac.light.pins", "17,27,22,18", "the status light (BCM green,amber,red,buzzer)");
        List<Integer> p = Arrays.stream(pins.split(",")).map(String::strip).map(Integer::parseInt).toList();
        assertThat(p).as("four BCM pins: green, amber, red, buzzer").hasSize(4);
        DigitalState on = activeLow() ? DigitalState.LOW : DigitalState.HIGH;
        Context pi4j = Pi4J.newAutoContext();
        try (ExecutorScheduler scheduler = new ExecutorScheduler(1);
             GpioIndicator light = new GpioIndicator(pi4j, new LightSettings(Optional.of(p.get(0)), Optional.of(p.get(1)),
                     Optional.of(p.get(2)), Optional.of(p.get(3)), Optional.empty(), activeLow()), scheduler)) {
            light.show(LightState.READY);
            assertThat(pi4j.<DigitalOutput>io("light-green").state()).isEqualTo(on);
            Thread.sleep(Duration.ofSeconds(2)); // a person watches the lamp: real time is the point here
            light.show(LightState.WORKING);
            assertThat(pi4j.<DigitalOutput>io("light-amber").state()).isEqualTo(on);
            assertThat(pi4j.<DigitalOutput>io("light-green").state()).isNotEqualTo(on);
            Thread.sleep(Duration.ofSeconds(2));
            light.show(LightState.OFFLINE);
            Thread.sleep(Duration.ofSeconds(2));
            light.show(LightState.FAULT);
            assertThat(pi4j.<DigitalOutput>io("light-red").state()).isEqualTo(on);
            Thread.sleep(Duration.ofSeconds(2));
            light.beep(Beep.GOOD_SCAN);
            Thread.sleep(Duration.ofSeconds(1));
            light.beep(Beep.REJECTED);
            Thread.sleep(Duration.ofSeconds(1));
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    void turningTheStaffKeyIsHeardWithin30Seconds() throws Exception {
        int pin = Integer.parseInt(HardwareProperty.required("opac.staffkey.pin", "23", "the staff key switch (BCM pin)"));
        Context pi4j = Pi4J.newAutoContext();
        try (GpioStaffKey key = new GpioStaffKey(pi4j, pin)) {
            BlockingQueue<Boolean> turns = new LinkedBlockingQueue<>();
            key.onChange(turns::add);
            System.err.println(">>> turn the staff key (now " + (key.isOn() ? "on" : "off") + ") within 30 s");

            Boolean turned = turns.poll(30, TimeUnit.SECONDS);

            assertThat(turned).as("the key's change within 30 s (wired to BCM %d and ground?)", pin).isNotNull();
        } finally {
            pi4j.shutdown();
        }
    }
}
