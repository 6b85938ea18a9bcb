package org.opackiosk.provisioning.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a command asks the technician something: the console (a secret without echo) when there
 * is one, otherwise standard input, one line per answer — which is also how tests answer.
 */
public interface Terminal {

    /** Shows {@code prompt} and reads one line; empty at end of input. */
    Optional<String> readLine(PrintWriter out, String prompt);

    /** Shows {@code prompt} and reads one line without echoing it where a console allows; empty at end of input. */
    Optional<char[]> readSecret(PrintWriter out, String prompt);

    /** The process's console when it has one, else its standard input. */
    static Terminal system() {
        Console console = System.console();
        return console != null ? new ConsoleTerminal(console) : lines(System.in);
    }

    /** Answers read from {@code in}, one per line (UTF-8); nothing is echoed. */
    static Terminal lines(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Terminal() {
            @Override
            public Optional<String> readLine(PrintWriter out, String prompt) {
                out.print(prompt);
                out.flush();
                try {
                    return Optional.ofNullable(reader.readLine());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<char[]> readSecret(PrintWriter out, String prompt) {
                Optional<String> line = readLine(out, prompt);
                out.println();
                return line.map(String::toCharArray);
            }
        };
    }

    /** The interactive console: prompts go to the console, secrets are read without echo. */
    record ConsoleTerminal(Console console) implements Terminal {
        @Override
        public Optional<String> readLine(PrintWriter out, String prompt) {
            out.flush();
            return Optional.ofNullable(console.readLine("%s", prompt));
        }

        @Override
        public Optional<char[]> readSecret(PrintWriter out, String prompt) {
            out.flush();
            return Optional.ofNullable(console.readPassword("%s", prompt));
        }
    }
}
