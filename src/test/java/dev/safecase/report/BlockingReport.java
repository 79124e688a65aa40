package dev.safecase.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Run in its own JVM by {@link SignalCleanupTest}: starts writing a report to {@code args[0]}, says so on stdout,
 * and then waits for ever, so that the test can send SIGTERM while the temporary folder is half written.
 */
public final class BlockingReport {
    private BlockingReport() {
    }

    public static void main(String[] args) throws IOException {
        Reports.writeAtomically(Path.of(args[0]), OutputFolder.Protected.none(), dir -> {
            Files.writeString(dir.resolve("index.html"), "half written");
            System.out.println("writing " + dir);
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
    }
}
