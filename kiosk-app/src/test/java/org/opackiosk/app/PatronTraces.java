package org.opackiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a patron's data could be left in the kiosk once their session has ended. In this package because the
 * view models are reached through {@link KioskUi}'s package-private accessors.
 */
final class PatronTraces {

    private PatronTraces() {
    }

    /**
     * The patron session and the login, notices, My page, hold, password and e-mail view models hold nothing of a
     * patron: where every check that nothing is left starts. Call on the FX thread.
     */
    static void assertNoneInTheSessionScreens(KioskUi ui) {
        assertThat(ui.patronSession().current()).isEmpty();
        assertThat(ui.loginViewModel().holdsNothing()).isTrue();
        assertThat(ui.noticesViewModel().notices()).isEmpty();
        assertThat(ui.myPageViewModel().holdsNothing()).isTrue();
        assertThat(ui.holdViewModel().holdsNothing()).isTrue();
        assertThat(ui.passwordViewModel().holdsNothing()).isTrue();
        assertThat(ui.emailViewModel().holdsNothing()).isTrue();
    }
}
