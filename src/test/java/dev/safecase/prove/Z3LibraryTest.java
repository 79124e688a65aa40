package dev.safecase.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The once-only load behind {@link Z3Library}: started early or not, it runs once and its failure reaches every waiter. */
class Z3LibraryTest {
    @Test
    void aLoadStartedEarlyRunsOnceOnItsOwnThreadAndEveryWaiterWaitsForIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        Z3Library.Once once = new Z3Library.Once("test-load", () -> {
            runs.incrementAndGet();
            thread.set(Thread.currentThread().getName());
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return null;
        });
        once.start();
        once.start();
        Thread waiter = new Thread(once::await);
        waiter.start();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "a waiter waits while the load runs");
        release.countDown();
        waiter.join(10_000);
        once.await();
        assertEquals(1, runs.get());
        assertEquals("test-load", thread.get());
    }

    @Test
    void withoutAnEarlyStartTheFirstWaiterLoadsAndSettlingWaitsForNothing() {
        AtomicReference<String> thread = new AtomicReference<>();
        Z3Library.Once once = new Z3Library.Once("test-load", () -> {
            thread.set(Thread.currentThread().getName());
            return null;
        });
        once.settle(1, TimeUnit.MILLISECONDS);
        assertEquals(null, thread.get(), "settle starts nothing");
        once.await();
        assertEquals(Thread.currentThread().getName(), thread.get());
    }

    @Test
    void theLoadsOwnFailureReachesEveryWaiterUnwrapped() {
        UnsatisfiedLinkError failure = new UnsatisfiedLinkError("/tmp/libz3.so: failed to map segment from shared object");
        Z3Library.Once once = new Z3Library.Once("test-load", () -> {
            throw failure;
        });
        once.start();
        once.settle(10, TimeUnit.SECONDS);
        assertSame(failure, assertThrows(UnsatisfiedLinkError.class, once::await));
        assertSame(failure, assertThrows(UnsatisfiedLinkError.class, once::await), "the same error on a second use");
        IllegalStateException checked = assertThrows(IllegalStateException.class,
                new Z3Library.Once("other", () -> {
                    throw new java.io.IOException("disk full");
                })::await);
        assertTrue(checked.getMessage().contains("disk full"), checked.getMessage());
    }

    @Test
    void theRealLibraryLoadsAndASessionStillWorks() {
        Z3Library.preload();
        Z3Library.ensure();
        try (Z3Session s = new Z3Session(10_000, 0)) {
            assertEquals(SolverId.declared(), Z3Session.solverVersion());
        }
    }
}
