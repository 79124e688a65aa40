package demo;

/** A module with code and no safety case: safecase skips it. */
public final class Hello {
    private Hello() {
    }
}
