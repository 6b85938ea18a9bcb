package org.opackiosk.provisioning;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of kioskctl in-process, with its own writers: its exit code and what it wrote. */
public record KioskctlRun(int exit, String out, String err) {

    public static KioskctlRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KioskCtl.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new KioskctlRun(exit, out.toString(), err.toString());
    }
}
