package dev.safecase.bench;

/**
 * Writes a synthetic case of about {@code claims} claims: a binary tree of strategies whose
 * warrants are linear-arithmetic assumptions (each inherited down the tree), chains of claims,
 * a wide fan-out, and enum-indexed quantities.
 */
public final class Generator {
    private Generator() {
    }

    public static String generate(int claims) {
        return generate(claims, false);
    }

    /**
     * With {@code flawed}, one inner node of the tree in 97 claims a bound one too low (its inference is refuted)
     * and one leaf in 61 is undeveloped (an open problem): a case whose report has something to show.
     */
    public static String generate(int claims, boolean flawed) {
        StringBuilder sb = new StringBuilder();
        sb.append("case bench").append(claims).append(" \"Synthetic benchmark case with ").append(claims).append(" claims\"\n\n");
        sb.append("enum Part { a, b, c, d }\n");
        int treeClaims = Math.max(3, claims * 7 / 10);
        int chainClaims = Math.max(2, claims * 2 / 10);
        int fanClaims = Math.max(2, claims - treeClaims - chainClaims);
        tree(sb, treeClaims, flawed);
        chains(sb, chainClaims);
        fan(sb, fanClaims);
        return sb.toString();
    }

    /** Node i has children 2i and 2i+1; x_i ≤ x_2i + x_2i+1 is the warrant; leaves are measured. */
    private static void tree(StringBuilder sb, int n, boolean flawed) {
        for (int i = 1; i <= n; i++) {
            sb.append("quantity x").append(i).append(" : real in [0, 1000000]\n");
        }
        for (int i = 1; i <= n; i++) {
            int l = 2 * i;
            int r = 2 * i + 1;
            long bound = bound(i, n) - (flawed && i % 97 == 5 && 2 * i + 1 <= n ? 1 : 0);
            sb.append("claim t").append(i).append(" \"node ").append(i).append(" is bounded\": x").append(i).append(" <= ")
                    .append(bound).append('\n');
            if (r <= n) {
                sb.append("    supported by s").append(i).append('\n');
                sb.append("assumption w").append(i).append(" \"node ").append(i).append(" adds up\": x").append(i)
                        .append(" <= x").append(l).append(" + x").append(r).append('\n');
                sb.append("strategy s").append(i).append(" \"split node ").append(i).append("\"\n    assuming w").append(i)
                        .append("\n    supported by t").append(l).append(", t").append(r).append('\n');
            } else if (l <= n) {
                sb.append("    assuming w").append(i).append("\n    supported by t").append(l).append('\n');
                sb.append("assumption w").append(i).append(" \"node ").append(i).append(" follows its child\": x").append(i)
                        .append(" <= x").append(l).append('\n');
            } else if (flawed && i % 61 == 7) {
                sb.append("    undeveloped\n");
            } else {
                sb.append("    asserted \"measured\"\n");
            }
        }
    }

    private static long bound(int i, int n) {
        if (2 * i > n) return 1;
        if (2 * i + 1 > n) return bound(2 * i, n);
        return bound(2 * i, n) + bound(2 * i + 1, n);
    }

    /** Chains of 50 claims, each step a direct inference y_k ≤ y_k+1 + 1. */
    private static void chains(StringBuilder sb, int n) {
        int len = 50;
        for (int start = 0; start < n; start += len) {
            int end = Math.min(n, start + len);
            for (int k = start; k < end; k++) {
                sb.append("quantity y").append(k).append(" : int in [0, 100000]\n");
                sb.append("claim c").append(k).append(" \"chain step ").append(k).append("\": y").append(k).append(" <= ")
                        .append(end - k).append('\n');
                if (k + 1 < end) {
                    sb.append("    assuming v").append(k).append("\n    supported by c").append(k + 1).append('\n');
                    sb.append("assumption v").append(k).append(" \"step ").append(k).append("\": y").append(k).append(" <= y")
                            .append(k + 1).append(" + 1\n");
                } else {
                    sb.append("    asserted \"base\"\n");
                }
            }
        }
    }

    /** One claim over a wide fan-out of enum-indexed parts. */
    private static void fan(StringBuilder sb, int n) {
        int width = n - 1;
        sb.append("quantity share[p in Part] : probability\n");
        sb.append("claim wide \"all parts together\": sum(p in Part) share[p] <= 4 * ").append(width).append('\n');
        sb.append("    assuming split\n    supported by ");
        for (int k = 0; k < width; k++) sb.append(k == 0 ? "" : ", ").append('f').append(k);
        sb.append('\n');
        sb.append("assumption split \"the parts are bounded\": forall p in Part: share[p] <= 1\n");
        for (int k = 0; k < width; k++) {
            sb.append("claim f").append(k).append(" \"fan part ").append(k).append("\" asserted \"ok\"\n");
        }
    }
}
