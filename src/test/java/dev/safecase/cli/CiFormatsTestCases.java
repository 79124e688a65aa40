package dev.safecase.cli;

/** Small cases for the tests of the CI outputs, shared across packages. */
public final class CiFormatsTestCases {
    private CiFormatsTestCases() {
    }

    /** A refuted inference (line 8) resting on an asserted claim. */
    public static final String REFUTED = CiFormatsTest.REFUTED;

    /** An open defeater and an undeveloped claim. */
    public static final String OPEN = """
            case sandbox "The agent cannot leave its sandbox"

            quantity escapes : int in [0, 1000] "Escapes seen"

            claim top "No escape was seen": escapes == 0
                supported by suite

            claim later "It stays so"
                undeveloped
                owner "sandbox team"

            evidence suite "Sandbox suite" gives escapes == 0

            defeater too_easy "The scenarios are easy" undermines suite
                owner "sandbox team"
            """;
}
