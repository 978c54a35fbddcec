package dev.paydesk.triage.classifier;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs numbered tasks on all cores (the caller plus the common fork-join pool), each thread taking the
 * next task not yet started. Unlike a parallel stream, which hands each thread a few fixed ranges, this
 * keeps the cores busy when tasks differ in cost (embedding batches of length-sorted texts: the last
 * ones are the longest).
 */
final class ParallelWork {

    private ParallelWork() {
    }

    static void forEach(int tasks, IntConsumer task) {
        int threads = Math.min(tasks, ForkJoinPool.getCommonPoolParallelism() + 1);
        if (threads <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, threads).parallel().forEach(thread -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                task.accept(i);
            }
        });
    }
}
