package dev.safecase.prove;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loading Z3's native library, once per process: z3-turnkey unpacks it (34 MB) into the temporary directory and
 * loads it when {@code com.microsoft.z3.Native} is first initialised, about a quarter of a second. A run that knows
 * it will prove starts the load on a thread of its own ({@link #preload}) while it still reads, checks or looks up
 * its cases; every use of the solver waits for it first ({@link #ensure}), and meets the load's own failure (an
 * {@link UnsatisfiedLinkError} for a {@code noexec} temporary directory, say) as if it had loaded the library
 * itself. Nothing here decides anything: a verdict is the same whichever thread loaded the library.
 */
public final class Z3Library {
    private static final FutureTask<Void> LOAD = new FutureTask<>(() -> {
        Class.forName("com.microsoft.z3.Native", true, Z3Library.class.getClassLoader());
        return null;
    });

    /** Whether {@link #preload} started a thread for the load. */
    private static boolean started;

    private Z3Library() {
    }

    /** Starts loading the library on a daemon thread, unless it is loading or loaded already. */
    public static synchronized void preload() {
        if (LOAD.isDone() || started) return;
        started = true;
        Thread t = new Thread(LOAD, "safecase-z3-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Returns once the library is loaded, loading it on this thread if nobody started to; throws what loading it
     * threw (an {@link Error} or unchecked exception, unwrapped), on every call.
     */
    public static void ensure() {
        LOAD.run(); // no-op when it ran or runs elsewhere
        try {
            LOAD.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the Z3 library", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) throw err;
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException("cannot load the Z3 library: " + cause, cause);
        }
    }

    /**
     * Before the process exits: waits (a few seconds at most) for a load that was started, so that the library it
     * unpacks is complete when the exit hooks delete it, not half-written and left behind. A failure is ignored:
     * whoever needed the library has met it.
     */
    public static void settle() {
        synchronized (Z3Library.class) {
            if (!started) return;
        }
        try {
            LOAD.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing to add
        }
    }
}
