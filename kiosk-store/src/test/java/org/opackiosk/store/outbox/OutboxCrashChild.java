package org.opackiosk.store.outbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.opackiosk.circulation.koha.KohaCirculationService;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.connectivity.ConnectivityMonitor;
import org.opackiosk.core.connectivity.ObservedCirculationService;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.holds.HoldRequest;
import org.opackiosk.core.outbox.Backoff;
import org.opackiosk.core.outbox.Operation;
import org.opackiosk.core.outbox.OutboxEntry;
import org.opackiosk.core.outbox.PatronRef;
import org.opackiosk.core.outbox.ReplayService;
import org.opackiosk.core.platform.ExecutorScheduler;

/**
 * The kiosk side of the crash tests, run in its own JVM so the test can kill it with SIGKILL: it
 * opens the H2 outbox, saves the operations of a plan that are not saved yet (printing
 * {@code ACK i} once each is durable), and replays against the demo server (printing
 * {@code DONE i}). Lines on standard output are the only protocol.
 *
 * <pre>
 * OutboxCrashChild STATE_DIR PLAN_FILE URL PIN CLIENT_ID SECRET MODE [STEP INDEX]
 *   MODE run    save the rest of the plan while replaying; print DRAINED and exit 0 when all is done
 *   MODE drain  save nothing; replay until nothing is open; print DRAINED and exit 0
 *   MODE step   like run, but stop dead at STEP of operation INDEX: print "AT STEP" and wait to be killed
 *               STEPS: BEFORE_COMMIT, BEFORE_SEND, AFTER_SEND
 * </pre>
 * A plan line is {@code CARD RECORD}.
 */
public final class OutboxCrashChild {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        List<String[]> plan = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split(" ")).toList();
        ServerSettings server = new ServerSettings(URI.create(args[2]), List.of(args[3]), Optional.empty(),
                ServerSettings.AuthMethod.OAUTH2, args[4], new Secret(args[5]),
                ServerSettings.DEFAULT_CONNECT_TIMEOUT, ServerSettings.DEFAULT_RESPONSE_TIMEOUT);
        String mode = args[6];
        String step = args.length > 7 ? args[7] : "";
        int stepIndex = args.length > 8 ? Integer.parseInt(args[8]) : -1;

        H2Outbox.WriteHook hook = entry -> {
            if ("BEFORE_COMMIT".equals(step) && indexOf(plan, entry.operation()) == stepIndex) {
                stopHere(step);
            }
        };
        Clock clock = Clock.systemUTC();
        try (H2Outbox outbox = H2Outbox.open(state, clock, hook);
             KohaCirculationService koha = new KohaCirculationService(server, clock);
             ExecutorScheduler scheduler = new ExecutorScheduler(1)) {
            OUT.println("OPENED " + (outbox.staffWarning().isPresent() ? "WARNING " + outbox.staffWarning().get() : "clean"));
            ConnectivityMonitor connectivity = new ConnectivityMonitor(koha::reachable, scheduler, Duration.ofSeconds(10));
            connectivity.probeNow();
            CirculationService port = new ObservedCirculationService(steps(koha, plan, step, stepIndex), connectivity);
            // short backoff: the demo server is local and the test waits for the queue to drain
            Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Math::random);
            ReplayService replay = new ReplayService(outbox, port, connectivity, clock, scheduler, backoff,
                    ReplayService.DEFAULT_RETENTION);
            replay.addListener(e -> OUT.println(e.state() + " " + indexOf(plan, e.operation())
                    + e.refusal().map(r -> " " + r.code()).orElse("")));

            Set<Integer> saved = new HashSet<>();
            for (OutboxEntry e : outbox.list()) {
                saved.add(indexOf(plan, e.operation()));
            }
            int next = saved.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            replay.requestReplay();
            if (!"drain".equals(mode)) {
                for (int i = next; i < plan.size(); i++) {
                    OutboxEntry entry = outbox.enqueue(operation(plan.get(i)));
                    OUT.println("ACK " + i + " " + entry.sequence());
                    replay.requestReplay();
                }
            }
            while (outbox.countOpen() > 0) {
                replay.replayNow();
                // the replayer runs on the scheduler too; wait for it on the outbox, not on a timer
                synchronized (OutboxCrashChild.class) {
                    OutboxCrashChild.class.wait(20);
                }
            }
            replay.close();
            connectivity.close();
            OUT.println("DRAINED");
        }
        System.exit(0);
    }

    static Operation operation(String[] line) {
        return Operation.PlaceHold.single(PatronRef.card(line[0]), line[1], "CEN");
    }

    static int indexOf(List<String[]> plan, Operation op) {
        Operation.PlaceHold hold = (Operation.PlaceHold) op;
        String card = ((PatronRef.Card) hold.patron()).cardNumber();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i)[0].equals(card) && plan.get(i)[1].equals(hold.recordIds().get(0))) {
                return i;
            }
        }
        throw new IllegalStateException("not in the plan: " + op);
    }

    private static void stopHere(String step) {
        OUT.println("AT " + step);
        try {
            // wait to be killed (SIGKILL from the test); never returns normally
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(3);
        }
    }

    /** The port, stopping dead before or after the placing of operation {@code index} when asked. */
    private static CirculationService steps(CirculationService koha, List<String[]> plan, String step, int index) {
        if (!"BEFORE_SEND".equals(step) && !"AFTER_SEND".equals(step)) {
            return koha;
        }
        return (CirculationService) java.lang.reflect.Proxy.newProxyInstance(CirculationService.class.getClassLoader(),
                new Class<?>[] {CirculationService.class}, (proxy, method, methodArgs) -> {
                    boolean ours = method.getName().equals("placeHold")
                            && plan.get(index)[1].equals(((HoldRequest) methodArgs[0]).recordIds().get(0));
                    if (ours && "BEFORE_SEND".equals(step)) {
                        stopHere(step);
                    }
                    Object result;
                    try {
                        result = method.invoke(koha, methodArgs);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (ours && "AFTER_SEND".equals(step) && result instanceof CallResult.Ok<?> ok
                            && !((List<?>) ok.value()).isEmpty() && ((List<?>) ok.value()).get(0) instanceof Hold) {
                        stopHere(step);
                    }
                    return result;
                });
    }

}
