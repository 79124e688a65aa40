package dev.safecase.prove;

import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of a block of obligations: exactly what Z3 is given for them, in order, with
 * every name that the case chose replaced by one numbered by first occurrence: quantities and
 * claim atoms {@code v0, v1, …}, enum sorts {@code e0, …} (members by position, {@code e0.2}),
 * defines {@code d0, …}. Each distinct formula is written once ({@code (f 3 …)}) and then named
 * by its number.
 *
 * <p>Z3 is given the canonical names too ({@link Z3Terms.Naming}), so two blocks with the same
 * canonical text get the same answers, cores and models whatever the case calls its quantities:
 * the SHA-256 of this text is what the verdict cache keys a block by. Premise names (assumption
 * and claim IDs) are not part of it: Z3 never sees them, and a cached core is a list of premise
 * positions.
 */
public final class Canonical implements Z3Terms.Naming {
    private final Map<String, String> symbols = new HashMap<>();
    private final Map<String, String> sorts = new HashMap<>();
    private final Map<String, String> defines = new HashMap<>();
    private final Map<Term, Integer> formulas = new IdentityHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final SmtLib.Printer printer;

    private Canonical() {
        this.printer = new SmtLib.Printer(new Spelling());
    }

    /** The canonical text of the obligations, in order (a block of one case, decided in one session). */
    public static Canonical of(List<Obligation> obligations) {
        Canonical c = new Canonical();
        for (Obligation o : obligations) c.add(o);
        return c;
    }

    private void add(Obligation o) {
        StringBuilder line = new StringBuilder("(o ").append(o.mode().name());
        for (int i = 0; i < o.premises().size(); i++) line.append(' ').append(formula(o.premises().get(i).formula()));
        o.goal().ifPresent(g -> line.append(" goal ").append(formula(g)));
        text.append(line).append(")\n");
    }

    private int formula(Term t) {
        Integer hit = formulas.get(t);
        if (hit != null) return hit;
        String body = printer.bool(t);
        text.append(pending);
        pending.setLength(0);
        int n = formulas.size();
        formulas.put(t, n);
        text.append("(f ").append(n).append(' ').append(body).append(")\n");
        return n;
    }

    /** The canonical text (for tests and for people; the cache uses {@link #digest}). */
    public String text() {
        return text.toString();
    }

    /** SHA-256 of the canonical text. */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }

    // ------------------------------------------------------------ the names Z3 is given

    @Override
    public String symbol(String name, Type type) {
        String s = symbols.get(key(name, type));
        if (s == null) throw new IllegalStateException("symbol " + name + " is not in the block");
        return s;
    }

    @Override
    public String sort(Type.EnumType e) {
        String s = sorts.get(key(e));
        if (s == null) throw new IllegalStateException("enum " + e.name() + " is not in the block");
        return s;
    }

    @Override
    public String member(Type.EnumType e, String m) {
        return sort(e) + "." + e.members().indexOf(m);
    }

    @Override
    public String memberOf(Type.EnumType e, String z3Name) {
        String prefix = sort(e) + ".";
        if (z3Name.startsWith(prefix)) {
            try {
                int i = Integer.parseInt(z3Name.substring(prefix.length()));
                if (i >= 0 && i < e.members().size()) return e.members().get(i);
            } catch (NumberFormatException ignored) {
                // not one of ours: shown as Z3 wrote it
            }
        }
        return z3Name;
    }

    private static String key(String name, Type type) {
        return name + "\u0000" + type.describe();
    }

    private static String key(Type.EnumType e) {
        return e.name() + "\u0000" + String.join("\u0000", e.members());
    }

    /** Names by first occurrence; a first occurrence also declares its name in the text. */
    private final class Spelling implements SmtLib.Names {
        @Override
        public String symbol(String name, Type type) {
            String k = key(name, type);
            String s = symbols.get(k);
            if (s != null) return s;
            String sort = SmtLib.sort(type, this);
            s = "v" + symbols.size();
            symbols.put(k, s);
            pending.append("(declare ").append(s).append(' ').append(sort).append(")\n");
            return s;
        }

        @Override
        public String sort(Type.EnumType e) {
            String k = key(e);
            String s = sorts.get(k);
            if (s != null) return s;
            s = "e" + sorts.size();
            sorts.put(k, s);
            pending.append("(enum ").append(s).append(' ').append(e.members().size()).append(")\n");
            return s;
        }

        @Override
        public String member(Type.EnumType e, String m) {
            return sort(e) + "." + e.members().indexOf(m);
        }

        @Override
        public String define(Term.Def d) {
            String k = key(d.name(), d.type());
            String s = defines.get(k);
            if (s != null) return s;
            Term body = d.body();
            String printed = printer.term(body, body.type() instanceof Type.Real);
            s = "d" + defines.size();
            defines.put(k, s);
            pending.append("(define ").append(s).append(' ').append(SmtLib.sort(body.type(), this)).append(' ')
                    .append(printed).append(")\n");
            return s;
        }
    }
}
