package org.opackiosk.device.light;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.device.Beep;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.platform.ManualScheduler;

/** The status light, buzzer and staff key on Pi4J 3's mock platform: real Pi4J, mock GPIO lines, manual time. */
class GpioLightMockTest {

    private static final int GREEN = 17;
    private static final int AMBER = 27;
    private static final int RED = 22;
    private static final int BUZZER = 18;
    private static final int KEY = 23;

    private final Context pi4j = Pi4J.newContextBuilder()
            .add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(), MockPwmProvider.newInstance())
            .build();
    private final ManualScheduler scheduler = new ManualScheduler();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private GpioIndicator indicator(boolean activeLow) {
        return new GpioIndicator(pi4j, new LightSettings(Optional.of(GREEN), Optional.of(AMBER), Optional.of(RED),
                Optional.of(BUZZER), Optional.empty(), activeLow), scheduler);
    }

    private DigitalState line(String id) {
        return pi4j.<DigitalOutput>io(id).state();
    }

    private String lamps() {
        return (line("light-green") == DigitalState.HIGH ? "G" : "-") + (line("light-amber") == DigitalState.HIGH ? "A" : "-")
                + (line("light-red") == DigitalState.HIGH ? "R" : "-");
    }

    @Test
    void everyLampIsOffAtStartAndEachStateLightsItsLamp() {
        GpioIndicator light = indicator(false);
        assertThat(lamps()).isEqualTo("---");
        light.show(LightState.READY);
        assertThat(lamps()).isEqualTo("G--");
        light.show(LightState.WORKING);
        assertThat(lamps()).isEqualTo("-A-");
        light.show(LightState.FAULT);
        assertThat(lamps()).isEqualTo("--R");
        light.show(LightState.OFF);
        assertThat(lamps()).isEqualTo("---");
    }

    @Test
    void offlineBlinksRedUntilTheStateChanges() {
        GpioIndicator light = indicator(false);
        light.show(LightState.OFFLINE);
        assertThat(lamps()).isEqualTo("--R");
        scheduler.advance(LightPattern.BLINK);
        assertThat(lamps()).isEqualTo("---");
        scheduler.advance(LightPattern.BLINK);
        assertThat(lamps()).isEqualTo("--R");

        light.show(LightState.READY);
        scheduler.advance(LightPattern.BLINK.multipliedBy(3));
        assertThat(lamps()).isEqualTo("G--");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aGoodScanIsOneShortBeep() {
        GpioIndicator light = indicator(false);
        light.beep(Beep.GOOD_SCAN);
        assertThat(line("buzzer")).isEqualTo(DigitalState.HIGH);
        scheduler.advance(Duration.ofMillis(79));
        assertThat(line("buzzer")).isEqualTo(DigitalState.HIGH);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(line("buzzer")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aRejectedScanIsTwoLongerBeeps() {
        GpioIndicator light = indicator(false);
        List<DigitalState> heard = new ArrayList<>();
        light.beep(Beep.REJECTED);
        for (int ms = 0; ms < 800; ms += 50) {
            heard.add(line("buzzer"));
            scheduler.advance(Duration.ofMillis(50));
        }
        // on 0–250 ms, off 250–400, on 400–650, then off
        assertThat(heard.subList(0, 5)).containsOnly(DigitalState.HIGH);
        assertThat(heard.subList(5, 8)).containsOnly(DigitalState.LOW);
        assertThat(heard.subList(8, 13)).containsOnly(DigitalState.HIGH);
        assertThat(heard.subList(13, 16)).containsOnly(DigitalState.LOW);
    }

    private GpioIndicator passive() {
        return new GpioIndicator(pi4j, new LightSettings(Optional.of(GREEN), Optional.empty(), Optional.empty(),
                Optional.of(BUZZER), Optional.empty(), false, LightSettings.BuzzerType.PASSIVE), scheduler);
    }

    /** What a passive buzzer sounds now: its pitch in hertz, or "-" when silent. */
    private String tone() {
        MockPwm pwm = pi4j.io("buzzer");
        return pwm.isOn() ? pwm.frequency() + " Hz " + pwm.dutyCycle() + "%" : "-";
    }

    @Test
    void aPassiveBuzzerSoundsAGoodScanAsOneShortHighBeep() {
        GpioIndicator light = passive();
        assertThat(tone()).isEqualTo("-");
        assertThat((Object) pi4j.io("buzzer")).isInstanceOf(MockPwm.class);

        light.beep(Beep.GOOD_SCAN);

        assertThat(tone()).isEqualTo("2000 Hz 50%");
        scheduler.advance(Duration.ofMillis(79));
        assertThat(tone()).isEqualTo("2000 Hz 50%");
        scheduler.advance(Duration.ofMillis(1));
        assertThat(tone()).isEqualTo("-");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aPassiveBuzzerSoundsARejectedScanAsTwoLowBeeps() {
        GpioIndicator light = passive();
        List<String> heard = new ArrayList<>();
        light.beep(Beep.REJECTED);
        for (int ms = 0; ms < 800; ms += 50) {
            heard.add(tone());
            scheduler.advance(Duration.ofMillis(50));
        }
        // 400 Hz 0–250 ms, silent 250–400, 400 Hz 400–650, then silent
        assertThat(heard.subList(0, 5)).containsOnly("400 Hz 50%");
        assertThat(heard.subList(5, 8)).containsOnly("-");
        assertThat(heard.subList(8, 13)).containsOnly("400 Hz 50%");
        assertThat(heard.subList(13, 16)).containsOnly("-");
    }

    @Test
    void aGoodScanDuringARejectedOneCutsItShortAtItsOwnPitch() {
        GpioIndicator light = passive();
        light.beep(Beep.REJECTED);
        scheduler.advance(Duration.ofMillis(100));
        light.beep(Beep.GOOD_SCAN);
        assertThat(tone()).isEqualTo("2000 Hz 50%");
        scheduler.advance(Duration.ofMillis(80));
        assertThat(tone()).isEqualTo("-");
        // the rejected beep's later steps belong to the old beep and do nothing
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(tone()).isEqualTo("-");
    }

    @Test
    void aPassiveBuzzerWithoutAPwmProviderLeavesTheLightWorkingAndSilent() {
        Context noPwm = Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        try {
            GpioIndicator light = new GpioIndicator(noPwm, new LightSettings(Optional.of(GREEN), Optional.empty(), Optional.empty(),
                    Optional.of(BUZZER), Optional.empty(), false, LightSettings.BuzzerType.PASSIVE), scheduler);
            light.beep(Beep.REJECTED);
            light.show(LightState.READY);
            assertThat(noPwm.<DigitalOutput>io("light-green").state()).isEqualTo(DigitalState.HIGH);
            assertThat(noPwm.hasIO("buzzer")).isFalse();
        } finally {
            noPwm.shutdown();
        }
    }

    @Test
    void closingSilencesAPassiveBuzzer() {
        GpioIndicator light = passive();
        light.beep(Beep.REJECTED);
        light.close();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(tone()).isEqualTo("-");
    }

    @Test
    void activeLowOutputsAreInverted() {
        GpioIndicator light = indicator(true);
        assertThat(line("light-green")).isEqualTo(DigitalState.HIGH);
        light.show(LightState.READY);
        assertThat(line("light-green")).isEqualTo(DigitalState.LOW);
        assertThat(line("light-red")).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void closingTurnsEverythingOffAndIgnoresLaterCalls() {
        GpioIndicator light = indicator(false);
        light.show(LightState.OFFLINE);
        light.beep(Beep.REJECTED);
        light.close();
        light.show(LightState.READY);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(lamps()).isEqualTo("---");
        assertThat(line("buzzer")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void aLightWithOnlySomeLinesWorks() {
        GpioIndicator light = new GpioIndicator(pi4j, new LightSettings(Optional.of(GREEN), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false), scheduler);
        light.show(LightState.OFFLINE);
        light.beep(Beep.GOOD_SCAN);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(line("light-green")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void turningTheStaffKeyIsReportedAndALowLevelMeansOn() {
        GpioStaffKey key = new GpioStaffKey(pi4j, KEY);
        MockDigitalInput input = pi4j.io("staff-key");
        input.mockState(DigitalState.HIGH);
        List<Boolean> turns = new ArrayList<>();
        key.onChange(turns::add);

        input.mockState(DigitalState.LOW);
        assertThat(key.isOn()).isTrue();
        input.mockState(DigitalState.HIGH);
        assertThat(key.isOn()).isFalse();

        assertThat(turns).containsExactly(true, false);
        key.close();
        input.mockState(DigitalState.LOW);
        assertThat(turns).hasSize(2);
    }
}
