package org.opackiosk.provisioning.devices;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.opackiosk.provisioning.KioskCtl;

import picocli.CommandLine;

/** Runs kioskctl in-process with its own writers. */
record Kioskctl(int exit, String out, String err) {

    static Kioskctl run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KioskCtl.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Kioskctl(exit, out.toString(), err.toString());
    }
}
