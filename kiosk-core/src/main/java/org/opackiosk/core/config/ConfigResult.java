package org.opackiosk.core.config;

import java.nio.file.Path;
import java.util.List;

/** The outcome of reading a configuration file: a valid configuration, or every problem found in it. */
public sealed interface ConfigResult permits ConfigResult.Valid, ConfigResult.Invalid {

    record Valid(KioskConfig config) implements ConfigResult {
    }

    record Invalid(Path file, List<ConfigProblem> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
        }

        /** One line per problem, each naming the file: {@code kiosk.toml: server.url: expected …}. */
        public List<String> messages() {
            return problems.stream().map(p -> file + ": " + p.describe()).toList();
        }
    }
}
