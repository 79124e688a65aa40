package dev.safecase.bench;

/** The bare JVM start that the benchmark compares safecase's start-up with: prints one line. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
