package org.opackiosk.provisioning;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;

/**
 * The real demo server over HTTPS for kioskctl's integration tests, started once per test class on a fresh data
 * directory. Test classes run one at a time (no parallel execution), so {@link #server} is the running class's own.
 */
public abstract class DemoServerFixture {

    @TempDir
    protected static Path dataDir;

    protected static DemoServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = DemoServer.start(DemoServerOptions.defaults(dataDir));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
