package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.StaleCaseException;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.platform.PlatformTestSupport;

/**
 * Two writers change one case at the same moment on the real (embedded) PostgreSQL: both load the
 * same version before either saves. A person's write loses with a 409 rather than overwriting the
 * other; a system writer reloads and retries, so both changes land.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseConcurrencyTests extends PlatformTestSupport {

    @Autowired
    CaseDesk desk;

    @Autowired
    CaseEditor editor;

    @Autowired
    Cases cases;

    @Autowired
    TransactionTemplate tx;

    private UUID id;

    @BeforeEach
    void aCase() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        id = desk.open(NewCase.of("Two agents, one case", "race", "DE", CaseSource.API)).summary().id();
        desk.setPriority(id, Priority.NORMAL);
    }

    @Test
    void twoSimultaneousEditsGiveOneSuccessAndOneConflictNeverASilentOverwrite() throws Exception {
        int before = cases.load(id).version();
        List<Throwable> outcomes = race(ExpectedVersion.LOADED, Priority.HIGH, Priority.URGENT);

        assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
        assertThat(outcomes).filteredOn(StaleCaseException.class::isInstance).hasSize(1);
        Case after = cases.load(id);
        assertThat(after.version()).isEqualTo(before + 1);
        List<TimelineEntry> priorities = desk.get(id).timeline().stream().filter(e -> e.kind() == EntryKind.PRIORITY).toList();
        assertThat(priorities).hasSize(1);
        assertThat(after.state().priority().name()).isEqualTo(priorities.getFirst().data().get("priority"));
    }

    @Test
    void systemWritersReloadAndRetrySoBothChangesLand() throws Exception {
        int before = cases.load(id).version();
        List<Throwable> outcomes = race(ExpectedVersion.LATEST, Priority.HIGH, Priority.URGENT);

        assertThat(outcomes).containsOnlyNulls();
        assertThat(cases.load(id).version()).isEqualTo(before + 2);
        assertThat(desk.get(id).timeline()).filteredOn(e -> e.kind() == EntryKind.PRIORITY).hasSize(2);
    }

    @Test
    void twoPeopleAddingNotesWithoutAVersionBothLandBecauseNotesCommute() throws Exception {
        int before = cases.load(id).version();
        List<Throwable> outcomes = race(ExpectedVersion.LOADED.commuting(), List.of(
                (c, at) -> c.addNote("first note", "agent-a", at), (c, at) -> c.addNote("second note", "agent-b", at)));

        assertThat(outcomes).containsOnlyNulls();
        assertThat(cases.load(id).version()).isEqualTo(before + 2);
        assertThat(desk.get(id).timeline()).filteredOn(e -> e.kind() == EntryKind.NOTE).extracting(TimelineEntry::body)
                .containsExactlyInAnyOrder("first note", "second note");
    }

    @Test
    void manyAgentsNotingOneCaseAtOnceThroughTheDeskNeverGetAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String body = "note " + i;
                futures.add(pool.submit(() -> desk.addNote(id, ExpectedVersion.LOADED, body)));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(desk.get(id).timeline()).filteredOn(e -> e.kind() == EntryKind.NOTE).hasSize(30);
    }

    private List<Throwable> race(ExpectedVersion expected, Priority... priorities) throws Exception {
        List<CaseEditor.Operation> ops = new ArrayList<>();
        for (Priority p : priorities) {
            ops.add((c, at) -> c.setPriority(p, "agent-" + p, at));
        }
        return race(expected, ops);
    }

    /** Each writer loads the case, waits until the others have loaded it too, then applies its operation and saves. */
    private List<Throwable> race(ExpectedVersion expected, List<CaseEditor.Operation> ops) throws Exception {
        CyclicBarrier bothLoaded = new CyclicBarrier(ops.size());
        ExecutorService pool = Executors.newFixedThreadPool(ops.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CaseEditor.Operation op : ops) {
                java.util.concurrent.atomic.AtomicBoolean firstAttempt = new java.util.concurrent.atomic.AtomicBoolean(true);
                futures.add(pool.submit(() -> tx.executeWithoutResult(s -> editor.edit(id, expected, (c, at) -> {
                    if (firstAttempt.getAndSet(false)) {
                        await(bothLoaded);
                    }
                    return op.apply(c, at);
                }))));
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    outcomes.add(null);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer never loaded the case", e);
        }
    }
}
