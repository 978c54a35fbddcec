package dev.paydesk.payments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for webhooks: request threads hand their verified events to one writer thread, which
 * stores everything that has queued up meanwhile in one transaction and then releases each request
 * with its outcomes, so a webhook is still acknowledged only after its events are committed. When a
 * batch fails, each request's events are retried in a transaction of their own, so one bad delivery
 * cannot fail its batch-mates. Before start and after stop it writes on the caller's thread.
 */
@Component
class WebhookWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWriter.class);
    private static final int MAX_BATCH = 512;
    private static final int QUEUE = 8_192;
    private static final long WAIT_SECONDS = 30;

    record Pending(List<PaymentIngest.Delivery> deliveries, CompletableFuture<List<PaymentIngest.Outcome>> done) {
    }

    private final PaymentIngest ingest;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private volatile boolean running;
    private Thread thread;

    WebhookWriter(PaymentIngest ingest) {
        this.ingest = ingest;
    }

    /** Stores the deliveries (in the next group commit) and returns their outcomes once committed. */
    List<PaymentIngest.Outcome> write(List<PaymentIngest.Delivery> deliveries) {
        if (!running || deliveries.isEmpty()) {
            return ingest.ingestAll(deliveries);
        }
        Pending pending = new Pending(deliveries, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new WebhookBusyException("too many webhooks waiting to be stored; redeliver later");
        }
        try {
            return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new WebhookBusyException("storing the webhook took longer than " + WAIT_SECONDS + " s; redeliver later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookBusyException("interrupted while storing the webhook");
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                batch.forEach(p -> p.done().completeExceptionally(t));
                log.error("webhook writer failed", t);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores one batch in one transaction, or each request on its own when the batch fails; completes every request. */
    void store(List<Pending> batch) {
        List<PaymentIngest.Delivery> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.deliveries()));
        List<PaymentIngest.Outcome> outcomes;
        try {
            outcomes = ingest.ingestAll(all);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            for (Pending p : batch) {
                try {
                    p.done().complete(ingest.ingestAll(p.deliveries()));
                } catch (RuntimeException single) {
                    p.done().completeExceptionally(single);
                }
            }
            return;
        }
        int from = 0;
        for (Pending p : batch) {
            p.done().complete(List.copyOf(outcomes.subList(from, from + p.deliveries().size())));
            from += p.deliveries().size();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("payments-webhook-writer").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Stops after the web server (which stops at the default phase − 2048), so no request arrives after the drain. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
