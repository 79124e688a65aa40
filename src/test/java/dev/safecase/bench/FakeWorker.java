package dev.safecase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for {@link RobustnessWorker}, run in a child JVM by {@link RobustnessTest}: input 0 hangs (blocks for
 * ever), input 2 kills its JVM, input 3 is an internal error, every other input passes.
 */
public final class FakeWorker {
    private FakeWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> a = List.of(args);
        long from = Long.parseLong(a.get(a.indexOf("--from") + 1));
        long count = Long.parseLong(a.get(a.indexOf("--count") + 1));
        Path work = Path.of(a.get(a.indexOf("--work") + 1));
        for (long i = from; i < from + count; i++) {
            Path dir = Files.createDirectories(work.resolve("in-" + i));
            Files.writeString(dir.resolve("how.txt"), "fake seed, behaviour " + i + "\n");
            Files.writeString(dir.resolve("fuzz.case"), "case fake" + i + " \"t\"\n");
            System.out.println("start " + i);
            System.out.flush();
            if (i == 0) new CountDownLatch(1).await();
            if (i == 2) Runtime.getRuntime().halt(3);
            System.out.println("done " + i + (i == 3 ? " internal-error 5 safecase: internal error: boom" : " ok 5 "));
            System.out.flush();
        }
        System.out.println("stop");
    }
}
