package dev.paydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Scheduled work runs on one node at a time, coordinated through PostgreSQL. */
@SpringBootTest
class JobCoordinatorTests extends PlatformTestSupport {

    @Autowired
    JobCoordinator jobs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void onlyOneOfManyConcurrentCallersRunsAJob() throws Exception {
        String job = unique("job");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Boolean> first = pool.submit(() -> jobs.runExclusively(job, Duration.ofMinutes(1), () -> {
                runs.incrementAndGet();
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> jobs.runExclusively(job, Duration.ofMinutes(1), runs::incrementAndGet)));
            }
            for (Future<Boolean> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isFalse();
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseTakenInsideATransactionIsSeenAtOnceAndOthersSkipWithoutWaiting() throws Exception {
        String job = unique("job");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the holder runs inside an open transaction, as an event listener does
            Future<Boolean> first = pool.submit(() -> transactions.execute(status -> jobs.runExclusively(job,
                    Duration.ofMinutes(1), () -> {
                        inside.countDown();
                        await(release);
                    })));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            Future<Boolean> other = pool.submit(() -> jobs.runExclusively(job, Duration.ofMinutes(1), () -> { }));
            assertThat(other.get(10, TimeUnit.SECONDS)).as("skipped, not run").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("without waiting for the holder's commit")
                    .isLessThan(Duration.ofSeconds(5));
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedJobCanRunAgain() {
        String job = unique("job");
        AtomicInteger runs = new AtomicInteger();
        assertThat(jobs.runExclusively(job, Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(jobs.runExclusively(job, Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aJobWhoseHolderDiedMovesToAnotherNodeWhenItsLeaseRunsOut() {
        String job = unique("job");
        // a node that took the lease and was killed (kill -9) before it could release it; its lease runs out when
        // the test says so, not after a second of wall-clock time (a slow machine could pass it before the first ask)
        jdbc.sql("insert into platform_job_lease (job, owner, locked_until, last_started) values (?, 'dead-node/1', now() + interval '1 hour', now())")
                .param(job).update();
        AtomicInteger runs = new AtomicInteger();
        assertThat(jobs.runExclusively(job, Duration.ofMinutes(1), runs::incrementAndGet)).as("lease still held").isFalse();
        jdbc.sql("update platform_job_lease set locked_until = now() - interval '1 millisecond' where job = ?").param(job).update();
        assertThat(jobs.runExclusively(job, Duration.ofMinutes(1), runs::incrementAndGet)).as("lease ran out").isTrue();
        assertThat(runs).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
