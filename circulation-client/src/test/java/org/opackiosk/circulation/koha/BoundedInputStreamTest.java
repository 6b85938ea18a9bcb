package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    @Test
    void bodyOfExactlyTheLimitIsReadToItsEnd() throws Exception {
        // given
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        // when
        byte[] read = in.readAllBytes();

        // then
        assertThat(read).hasSize(100);
        assertThat(in.endReached()).isTrue();
    }

    @Test
    void oneByteOverTheLimitFails() {
        // given
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[101]), 100);

        // when / then
        assertThatThrownBy(in::readAllBytes).isInstanceOf(BodyTooLargeException.class);
        assertThat(in.endReached()).isFalse();
        assertThat(in.bytesRead()).isEqualTo(100);
    }

    @Test
    void closingDoesNotCloseTheSource() throws Exception {
        // given
        boolean[] closed = {false};
        InputStream source = new ByteArrayInputStream(new byte[10]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        // when
        new BoundedInputStream(source, 100).close();

        // then
        assertThat(closed[0]).isFalse();
    }
}
