package org.opackiosk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's version, as the build stamped it. */
public final class KioskVersion {

    private KioskVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build did not stamp it. */
    public static String current() {
        try (InputStream in = KioskVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
