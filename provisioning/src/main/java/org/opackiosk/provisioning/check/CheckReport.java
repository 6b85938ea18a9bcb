package org.opackiosk.provisioning.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Prints a list of {@link Check}s the one way every kioskctl command does: a table, or JSON for machines. */
public final class CheckReport {

    private CheckReport() {
    }

    /** One line per check ({@code OK}/{@code FAIL}, name, what was found), the hint under each failure, a verdict. */
    public static void printText(List<Check> checks, PrintWriter out) {
        int width = Math.max(16, checks.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        for (Check c : checks) {
            out.printf("%-4s %-" + width + "s %s%n", c.passed() ? "OK" : "FAIL", c.name(), c.detail());
            if (!c.passed() && !c.hint().isEmpty()) {
                out.printf("     %-" + width + "s → %s%n", "", c.hint());
            }
        }
        out.println(allPassed(checks) ? "All checks passed." : "Some checks failed: fix the first FAIL above and run again.");
    }

    /** {@code {"passed": …, "checks": [{"name", "passed", "detail", "hint"}, …]}}. */
    public static void printJson(List<Check> checks, PrintWriter out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", allPassed(checks));
        ArrayNode list = root.putArray("checks");
        checks.forEach(c -> list.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail()).put("hint", c.hint()));
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    public static boolean allPassed(List<Check> checks) {
        return checks.stream().allMatch(Check::passed);
    }
}
