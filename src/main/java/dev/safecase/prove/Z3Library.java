package dev.safecase.prove;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loading Z3's native library, once per process: z3-turnkey unpacks it (34 MB) into the temporary directory and
 * loads it when {@code com.microsoft.z3.Native} is first initialised, about a quarter of a second. A run that knows
 * it will prove starts the load on a thread of its own ({@link #preload}) while it still checks, lowers or looks up
 * its cases; every use of the solver waits for it first ({@link #ensure}), and meets the load's own failure (an
 * {@link UnsatisfiedLinkError} for a {@code noexec} temporary directory, say) as if it had loaded the library
 * itself. Nothing here decides anything: a verdict is the same whichever thread loaded the library.
 */
public final class Z3Library {
    private static final Once LOAD = new Once("safecase-z3-load", () -> {
        Class.forName("com.microsoft.z3.Native", true, Z3Library.class.getClassLoader());
        return null;
    });

    private Z3Library() {
    }

    /** Starts loading the library on a daemon thread, unless it is loading or loaded already. */
    public static void preload() {
        LOAD.start();
    }

    /** Returns once the library is loaded (loading it here if nobody started to); throws what loading it threw. */
    public static void ensure() {
        LOAD.await();
    }

    /**
     * Before the process exits: waits (a few seconds at most) for a load that was started, so that the library it
     * unpacks is complete when the exit hooks delete it, not half-written and left behind.
     */
    public static void settle() {
        LOAD.settle(5, TimeUnit.SECONDS);
    }

    /** A task run once, on a thread of its own when started early, otherwise by its first waiter. */
    static final class Once {
        private final String threadName;
        private final FutureTask<Void> task;
        private boolean started;

        Once(String threadName, Callable<Void> work) {
            this.threadName = threadName;
            this.task = new FutureTask<>(work);
        }

        synchronized void start() {
            if (started || task.isDone()) return;
            started = true;
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            t.start();
        }

        /** Runs the task here unless it ran or runs elsewhere, then waits; rethrows its failure, unwrapped, every time. */
        void await() {
            task.run();
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + threadName, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error err) throw err;
                if (cause instanceof RuntimeException re) throw re;
                throw new IllegalStateException(threadName + " failed: " + cause, cause);
            }
        }

        /** Waits up to {@code timeout} for a task that {@link #start} started; a failure is left to its waiters. */
        void settle(long timeout, TimeUnit unit) {
            synchronized (this) {
                if (!started) return;
            }
            try {
                task.get(timeout, unit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // whoever needed the result has met the failure
            }
        }
    }
}
