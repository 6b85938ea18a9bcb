package org.opackiosk.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The admin routes answer only loopback addresses (the server binds 127.0.0.1, this is the second guard). */
class AdminLoopbackTest {

    @Test
    void adminRoutesRefuseNonLoopbackAddresses() {
        // given
        InetSocketAddress remote = new InetSocketAddress("192.0.2.10", 50_000);
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 50_000);

        // when / then
        assertThat(ApiHandler.loopback(remote)).isFalse();
        assertThat(ApiHandler.loopback(local)).isTrue();
        assertThat(ApiHandler.loopback(null)).isFalse();
    }

    @Test
    void theRecorderMasksSecretsAtAnyDepthAndInForms() throws Exception {
        // given
        var node = Json.mapper().readTree("{\"a\":{\"old_password\":\"x\",\"list\":[{\"access_token\":\"t\"}]},"
                + "\"userid\":\"u\"}");

        // when
        String masked = RequestRecorder.mask(node).toString();
        String form = RequestRecorder.maskForm("grant_type=client_credentials&client_secret=abc&client_id=k");

        // then
        assertThat(masked).isEqualTo("{\"a\":{\"old_password\":\"***\",\"list\":[{\"access_token\":\"***\"}]},"
                + "\"userid\":\"u\"}");
        assertThat(form).isEqualTo("grant_type=client_credentials&client_secret=***&client_id=k");
    }
}
