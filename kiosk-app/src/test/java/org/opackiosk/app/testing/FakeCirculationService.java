package org.opackiosk.app.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.CatalogueRecord;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Refusal;

/**
 * A circulation server in memory: a small catalogue, two branches, and a switch to make it
 * unreachable. {@link #service()} is the {@link CirculationService} to hand to the code under test.
 *
 * <p>The port grows with every feature (patrons, loans, holds). So that this fake keeps compiling
 * while it does, it is not an implementation of the interface: {@link #service()} is a proxy that
 * sends the catalogue calls the screens of this version make to the methods below, and answers
 * every other call with {@code Unreachable} (an empty set for a set of capabilities).
 */
public final class FakeCirculationService {

    public static final Instant CHANGED = Instant.parse("2026-11-01T00:00:00Z");

    private final List<CatalogueRecord> catalogue;
    private final List<Integer> requestedPages = new CopyOnWriteArrayList<>();
    private volatile boolean reachable = true;
    private volatile Refusal refusal;
    /** The copies of a record, by record id; a record not here has none. */
    public final java.util.Map<String, List<Item>> copies = new java.util.concurrent.ConcurrentHashMap<>();
    /** The patrons, loans and holds of this fake server. */
    public final FakePatronAccounts patrons = new FakePatronAccounts();

    public FakeCirculationService(List<CatalogueRecord> catalogue) {
        this.catalogue = List.copyOf(catalogue);
    }

    /** 25 records of every material type: three pages of ten. */
    public static FakeCirculationService withSampleCatalogue() {
        return new FakeCirculationService(SampleCatalogue.records());
    }

    /** This fake as the port. */
    public CirculationService service() {
        return (CirculationService) Proxy.newProxyInstance(CirculationService.class.getClassLoader(),
                new Class<?>[] {CirculationService.class}, (proxy, method, args) -> answer(method, args));
    }

    /** A call held open, as a server that is slow to answer: it waits in the caller's thread until released. */
    public static final class HeldCall {
        private final java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        /** Waits (up to 30 s) until the call has started and is waiting; false if it never came. */
        public boolean awaitCalled() throws InterruptedException {
            return called.await(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        /** Lets the call (and every later one to the same method) answer. */
        public void release() {
            released.countDown();
        }

        void pass() throws InterruptedException {
            called.countDown();
            if (!released.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held call was never released");
            }
        }
    }

    private final java.util.Map<String, HeldCall> held = new java.util.concurrent.ConcurrentHashMap<>();

    /** From now on calls to the port's method {@code name} wait until the returned call is released. */
    public HeldCall hold(String name) {
        HeldCall call = new HeldCall();
        held.put(name, call);
        return call;
    }

    private Object answer(Method method, Object[] args) throws Throwable {
        HeldCall waiting = held.get(method.getName());
        if (waiting != null && method.getDeclaringClass() != Object.class) {
            waiting.pass();
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> "FakeCirculationService";
                case "hashCode" -> System.identityHashCode(this);
                case "equals" -> args[0] == service();
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        Method own;
        try {
            own = FakeCirculationService.class.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException notFaked) {
            // the patron operations (login, loans, holds) are answered by their own fake
            try {
                Method patronOp = FakePatronAccounts.class.getMethod(method.getName(), method.getParameterTypes());
                if (!reachable && patronOp.getReturnType() == CallResult.class) {
                    return CallResult.unreachable("fake server switched off");
                }
                return patronOp.invoke(patrons, args);
            } catch (NoSuchMethodException notPatron) {
                // answered below
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getReturnType() == CallResult.class) {
                return CallResult.unreachable("not in this fake: " + method.getName());
            }
            if (method.getReturnType() == Set.class) {
                return Set.of();
            }
            throw new UnsupportedOperationException("not in this fake: " + method.getName());
        }
        try {
            return own.invoke(this, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** From now on, every call is refused with {@code refusal} (null: answered normally again). */
    public void refuseWith(Refusal refusal) {
        this.refusal = refusal;
    }

    /** The catalogue pages asked for, in order. */
    public List<Integer> requestedPages() {
        return List.copyOf(requestedPages);
    }

    public CallResult<List<Library>> libraries() {
        if (!reachable) {
            return CallResult.unreachable("fake server switched off");
        }
        return CallResult.ok(List.of(new Library("CEN", "中央図書館", true), new Library("KITA", "北分館", true)));
    }

    public CallResult<CataloguePage> cataloguePage(Optional<Instant> changedSince, int page, int perPage) {
        requestedPages.add(page);
        if (!reachable) {
            return CallResult.unreachable("fake server switched off");
        }
        if (refusal != null) {
            return CallResult.refused(refusal);
        }
        int from = Math.min(catalogue.size(), (page - 1) * perPage);
        int to = Math.min(catalogue.size(), from + perPage);
        return CallResult.ok(new CataloguePage(new ArrayList<>(catalogue.subList(from, to)), page, perPage, catalogue.size()));
    }

    public CallResult<CatalogueRecord> record(String recordId) {
        if (!reachable) {
            return CallResult.unreachable("fake server switched off");
        }
        return catalogue.stream().filter(r -> r.id().equals(recordId)).findFirst()
                .<CallResult<CatalogueRecord>>map(CallResult::ok)
                .orElseGet(() -> CallResult.refused(new Refusal("not_found", "refusal.not_found")));
    }

    public CallResult<List<Item>> items(String recordId) {
        if (!reachable) {
            return CallResult.unreachable("fake server switched off");
        }
        return CallResult.ok(copies.getOrDefault(recordId, List.of()));
    }

    /** The {@link #copies}; the hold count is the number of this fake's patrons' holds on the record. */
    public CallResult<RecordAvailability> availability(String recordId) {
        return items(recordId).map(items -> new RecordAvailability(items,
                OptionalInt.of((int) patrons.holds.stream().filter(h -> h.recordId().equals(recordId)).count())));
    }
}
