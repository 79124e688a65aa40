package dev.safecase.evidence;

import dev.safecase.formula.Rational;
import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.judge.Status;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides {@code validity:E} for one evidence item (§7): the file exists, is a regular file
 * inside the root, matches its pin, has not expired, parses as strict JSON, and every
 * {@code json()} resolves to a value of the needed type. Valid evidence gets its facts back
 * ground: every {@code json()} and built-in replaced by the exact constant it stands for.
 *
 * <p>One instance per run: each file is read once (keyed by its real path), however many
 * evidence items name it. Calls are serialised, so one instance may be shared between threads.
 */
public final class Validity {

    /**
     * The verdict on one evidence item. {@code status} is PROVED, ASSERTED or INVALID;
     * {@code actualSha256} is present whenever the file was read; {@code facts} are ground
     * for PROVED, unchanged for ASSERTED (a reference) and empty for INVALID (dropped, §7).
     */
    public record Outcome(Status status, Optional<String> reason, Optional<String> actualSha256,
                          List<Model.Fact> facts) {
        public Outcome {
            facts = List.copyOf(facts);
        }
    }

    static final String REFERENCE = "reference (no file): accepted by review, not checked";

    /** Larger decimal exponents are refused rather than expanded into huge integers. */
    private static final int MAX_EXPONENT = 10_000;

    private final Path root;
    private final LocalDate today;
    private final Map<Path, FileData> files = new HashMap<>();
    private int filesRead;

    public Validity(Path root, LocalDate today) {
        this.root = root.toAbsolutePath().normalize();
        this.today = today;
    }

    /** How many times a file was opened and read in this run (each file once, normally). */
    public synchronized int filesRead() {
        return filesRead;
    }

    public synchronized Outcome decide(Model.Case c, Model.Evidence e) {
        if (e.isReference()) {
            return new Outcome(Status.ASSERTED, Optional.of(REFERENCE), Optional.empty(), e.facts());
        }
        String written = e.file().get();
        Optional<Path> real = locate(written, c.path());
        if (real.isEmpty()) return invalid(whyNotReadable(written, c.path()), Optional.empty());
        boolean needsJson = usesJson(e);
        FileData data;
        try {
            data = read(real.get(), needsJson || sameFileNeedsJson(c, real.get()));
        } catch (IOException ex) {
            return invalid("cannot read " + written + ": " + describe(ex), Optional.empty());
        }
        Optional<String> actual = Optional.of(data.sha256());
        if (e.sha256().isPresent() && !e.sha256().get().equalsIgnoreCase(data.sha256())) {
            return invalid("sha256 mismatch for " + written + ": expected " + e.sha256().get()
                    + " but the file has " + data.sha256(), actual);
        }
        if (e.expires().isPresent() && today.isAfter(e.expires().get())) {
            return invalid("expired on " + e.expires().get() + " (today is " + today + ")", actual);
        }
        if (needsJson && data.jsonError().isPresent()) {
            return invalid(written + " is not valid JSON: " + data.jsonError().get(), actual);
        }
        Grounder g = new Grounder(written, data.json());
        List<Model.Fact> ground = new ArrayList<>();
        for (Model.Fact f : e.facts()) {
            g.bounds.clear();
            Term t = g.ground(f.formula());
            if (g.error.isPresent()) return invalid(g.error.get(), actual);
            List<Model.Bound> bounds = new ArrayList<>(f.bounds());
            bounds.addAll(g.bounds);
            ground.add(new Model.Fact(t, f.pos(), bounds));
        }
        return new Outcome(Status.PROVED, Optional.empty(), actual, ground);
    }

    private static Outcome invalid(String reason, Optional<String> actualSha256) {
        return new Outcome(Status.INVALID, Optional.of(reason), actualSha256, List.of());
    }

    // ---- the file ----------------------------------------------------------------------------

    /** The real path of a readable regular file inside the root, or empty. */
    private Optional<Path> locate(String written, Path caseFile) {
        EvidencePaths.Located at = EvidencePaths.locate(written, caseFile, root);
        if (at.escape().isPresent()) return Optional.empty();
        Path abs = at.path().get();
        if (!Files.isRegularFile(abs)) return Optional.empty();
        try {
            Path real = abs.toRealPath();
            return real.startsWith(realRoot()) ? Optional.of(real) : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** Why {@link #locate} found nothing, checked in the order of §7. */
    private String whyNotReadable(String written, Path caseFile) {
        EvidencePaths.Located at = EvidencePaths.locate(written, caseFile, root);
        if (at.escape().isPresent()) return "evidence path " + at.escape().get();
        Path abs = at.path().get();
        if (!Files.exists(abs)) return "file " + written + " does not exist";
        if (Files.isDirectory(abs)) return written + " is a directory, not a file";
        if (!Files.isRegularFile(abs)) return written + " is not a regular file";
        try {
            return "evidence path \"" + written + "\" resolves to " + abs.toRealPath()
                    + ", outside the project root " + root;
        } catch (IOException ex) {
            return "cannot read " + written + ": " + describe(ex);
        }
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException ex) {
            return root;
        }
    }

    private static boolean usesJson(Model.Evidence e) {
        return e.facts().stream().anyMatch(f -> Terms.containsJson(f.formula()));
    }

    /** Parse on the first read when any evidence of the case reads the same file with json(). */
    private boolean sameFileNeedsJson(Model.Case c, Path real) {
        for (Model.Evidence other : c.all(Model.Evidence.class)) {
            if (other.file().isPresent() && usesJson(other)
                    && locate(other.file().get(), c.path()).filter(real::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** What one read of a file gave: its hash and, when parsed, its JSON or the parse error. */
    private record FileData(String sha256, boolean parsed, Optional<Json.Value> json, Optional<String> jsonError) {}

    private FileData read(Path real, boolean parse) throws IOException {
        FileData cached = files.get(real);
        if (cached != null && (cached.parsed() || !parse)) return cached;
        filesRead++;
        MessageDigest sha = sha256Digest();
        FileData data;
        try (InputStream in = new DigestInputStream(Files.newInputStream(real), sha)) {
            Optional<Json.Value> json = Optional.empty();
            Optional<String> error = Optional.empty();
            if (parse) {
                try {
                    json = Optional.of(Json.parse(in));
                } catch (Json.SyntaxError ex) {
                    error = Optional.of(ex.getMessage());
                }
            }
            drain(in);
            data = new FileData(HexFormat.of().formatHex(sha.digest()), parse, json, error);
        }
        files.put(real, data);
        return data;
    }

    /** The lowercase hex SHA-256 of a file, streamed through a buffer. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            drain(in);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (in.read(buffer) >= 0) {
            // the digest sees every byte
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    private static String describe(Exception ex) {
        String m = ex.getMessage();
        if (ex instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    // ---- grounding the facts -------------------------------------------------------------------

    /** Replaces json() by the values read and evaluates built-ins; remembers the first failure. */
    private static final class Grounder {
        private final String written;
        private final Optional<Json.Value> doc;
        Optional<String> error = Optional.empty();

        final List<Model.Bound> bounds = new ArrayList<>();

        Grounder(String written, Optional<Json.Value> doc) {
            this.written = written;
            this.doc = doc;
        }

        Term ground(Term t) {
            return Terms.map(t, this::step);
        }

        private Term step(Term t) {
            if (error.isPresent()) return t;
            if (t instanceof Term.Json j) return read(j);
            if (t instanceof Term.Builtin b) return evaluate(b);
            return t;
        }

        private Term read(Term.Json j) {
            String call = "json(" + quote(j.pointer()) + ")";
            if (doc.isEmpty()) return fail(call + " has no JSON to read in " + written);
            Json.Resolved r = Json.resolve(doc.get(), j.pointer());
            if (r.error().isPresent()) {
                return fail(call + " does not resolve in " + written + ": " + r.error().get());
            }
            Json.Value v = r.value().get();
            String found = call + " in " + written + " is ";
            Type type = j.type();
            if (type instanceof Type.Bool) {
                if (v instanceof Json.Bool b) return new Term.BoolConst(b.value());
                return fail(found + describe(v) + ", but true or false is needed");
            }
            if (type instanceof Type.EnumType en) {
                String members = en.name() + " (" + String.join(", ", en.members()) + ")";
                if (!(v instanceof Json.Str s)) {
                    return fail(found + describe(v) + ", but a string naming a member of " + members + " is needed");
                }
                if (!en.members().contains(s.value())) {
                    return fail(found + quote(s.value()) + ", which is not a member of " + members);
                }
                return new Term.EnumConst(en, s.value());
            }
            boolean integer = type instanceof Type.Int;
            if (!(v instanceof Json.Num n)) {
                return fail(found + describe(v) + ", but " + (integer ? "an integer" : "a number") + " is needed");
            }
            Optional<Rational> value = exact(n.text());
            if (value.isEmpty()) return fail(found + n.text() + ", which has too large an exponent to read exactly");
            if (integer && !value.get().isInteger()) return fail(found + n.text() + ", but an integer is needed");
            return new Term.Num(value.get(), integer ? Type.INT : Type.REAL);
        }

        private Term evaluate(Term.Builtin b) {
            List<Rational> args = new ArrayList<>();
            for (Term a : b.args()) {
                Optional<Rational> v = Terms.constant(a);
                if (v.isEmpty()) return fail(b.function().spelling() + " has an argument that is neither a constant nor json()");
                args.add(v.get());
            }
            Optional<String> bad = b.function().domainError(args);
            if (bad.isPresent()) {
                return fail(b.function().spelling() + "(" + String.join(", ", args.stream().map(Validity::decimal).toList())
                        + ") with arguments read from " + written + ": " + bad.get());
            }
            Rational value = b.function().evaluate(args);
            bounds.add(new Model.Bound(b.function(), args, value));
            return new Term.Num(value, Type.REAL);
        }

        private Term fail(String why) {
            error = Optional.of(why);
            return new Term.BoolConst(false);
        }
    }

    /** A JSON number's exact value from its decimal text, or empty when its exponent is huge. */
    static Optional<Rational> exact(String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
        if (Math.abs((long) d.scale()) > MAX_EXPONENT) return Optional.empty();
        return Optional.of(Rational.of(d));
    }

    /** {@code 0.95} when the value is a finite decimal, else {@code p/q}. */
    private static String decimal(Rational r) {
        try {
            return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator())).toPlainString();
        } catch (ArithmeticException ex) {
            return r.toString();
        }
    }

    private static String describe(Json.Value v) {
        if (v instanceof Json.Num n) return n.text();
        if (v instanceof Json.Str s) return "a string (" + quote(shorten(s.value())) + ")";
        if (v instanceof Json.Bool b) return String.valueOf(b.value());
        if (v instanceof Json.Null) return "null";
        if (v instanceof Json.Arr a) return "an array (of " + a.items().size() + ")";
        return "an object";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** A string in double quotes, escaped as in JSON and in the case language. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20 || ch == 0x7f) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }

    // ---- strict JSON ------------------------------------------------------------------------------

    /**
     * A strict RFC 8259 reader (no trailing data, no duplicate keys, no NaN or Infinity) that
     * keeps every number as its decimal text, and RFC 6901 pointers over what it reads.
     * A leading byte-order mark is skipped.
     */
    static final class Json {
        private Json() {
        }

        sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {}

        record Obj(Map<String, Value> members) implements Value {}

        record Arr(List<Value> items) implements Value {}

        record Str(String value) implements Value {}

        /** A number exactly as written, e.g. {@code 1e-30}; see {@link Validity#exact}. */
        record Num(String text) implements Value {}

        record Bool(boolean value) implements Value {}

        record Null() implements Value {}

        /** What is wrong and where: {@code duplicate key "a" at line 3, column 5}. */
        static final class SyntaxError extends Exception {
            private static final long serialVersionUID = 1L;

            SyntaxError(String what, int line, int col) {
                super(what + " at line " + line + ", column " + col);
            }
        }

        private static final int MAX_DEPTH = 512;

        static Value parse(InputStream in) throws IOException, SyntaxError {
            return new Reader(in).document();
        }

        static Value parse(String text) throws SyntaxError {
            try {
                return parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        /** Recursive descent over strictly decoded UTF-8, tracking line and column. */
        private static final class Reader {
            private final Chars in;
            private int depth;

            Reader(InputStream in) {
                this.in = new Chars(in);
            }

            Value document() throws IOException, SyntaxError {
                if (in.peek() == '\uFEFF') {
                    in.next();
                    in.col = 1;
                }
                Value v = value();
                skipSpace();
                if (in.peek() >= 0) throw error("trailing data after the JSON value");
                return v;
            }

            private Value value() throws IOException, SyntaxError {
                skipSpace();
                int c = in.peek();
                if (c < 0) throw error("unexpected end of input");
                if (c == '{') return nested(true);
                if (c == '[') return nested(false);
                if (c == '"') return new Str(string());
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                if (Character.isLetter(c)) return word();
                throw error("unexpected character " + show(c));
            }

            private Value nested(boolean object) throws IOException, SyntaxError {
                if (++depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
                Value v = object ? object() : array();
                depth--;
                return v;
            }

            private Value object() throws IOException, SyntaxError {
                in.next();
                Map<String, Value> members = new LinkedHashMap<>();
                skipSpace();
                if (in.peek() == '}') {
                    in.next();
                    return new Obj(Collections.unmodifiableMap(members));
                }
                while (true) {
                    skipSpace();
                    if (in.peek() != '"') throw expected("a string key");
                    int line = in.line;
                    int col = in.col;
                    String key = string();
                    if (members.containsKey(key)) throw new SyntaxError("duplicate key " + quote(key), line, col);
                    skipSpace();
                    if (in.peek() != ':') throw expected("':' after the key");
                    in.next();
                    members.put(key, value());
                    skipSpace();
                    int c = in.peek();
                    if (c != ',' && c != '}') throw expected("',' or '}'");
                    in.next();
                    if (c == '}') return new Obj(Collections.unmodifiableMap(members));
                }
            }

            private Value array() throws IOException, SyntaxError {
                in.next();
                List<Value> items = new ArrayList<>();
                skipSpace();
                if (in.peek() == ']') {
                    in.next();
                    return new Arr(List.copyOf(items));
                }
                while (true) {
                    items.add(value());
                    skipSpace();
                    int c = in.peek();
                    if (c != ',' && c != ']') throw expected("',' or ']'");
                    in.next();
                    if (c == ']') return new Arr(List.copyOf(items));
                }
            }

            private String string() throws IOException, SyntaxError {
                in.next();
                StringBuilder sb = new StringBuilder();
                while (true) {
                    int c = in.peek();
                    if (c < 0) throw error("unexpected end of input in a string");
                    if (c < 0x20) throw error("unescaped control character " + show(c) + " in a string");
                    in.next();
                    if (c == '"') return sb.toString();
                    if (c != '\\') {
                        sb.append((char) c);
                        continue;
                    }
                    int e = in.peek();
                    switch (e) {
                        case '"', '\\', '/' -> sb.append((char) e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            in.next();
                            sb.append(hex4());
                            continue;
                        }
                        default -> throw error(e < 0 ? "unexpected end of input in a string"
                                : "invalid escape \\" + (char) e + " in a string");
                    }
                    in.next();
                }
            }

            private char hex4() throws IOException, SyntaxError {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int c = in.peek();
                    int d = c >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
                    if (d < 0) throw error("\\u must be followed by four hex digits");
                    in.next();
                    v = v * 16 + d;
                }
                return (char) v;
            }

            private Value number() throws IOException, SyntaxError {
                StringBuilder sb = new StringBuilder();
                if (in.peek() == '-') {
                    int line = in.line;
                    int col = in.col;
                    sb.append((char) in.next());
                    if (Character.isLetter(in.peek())) {
                        String w = letters();
                        throw new SyntaxError(w.equals("Infinity") ? "-Infinity is not a JSON number"
                                : "unexpected " + quote("-" + shorten(w)), line, col);
                    }
                }
                if (!isDigit(in.peek())) throw expected("a digit");
                if (in.peek() == '0') {
                    sb.append((char) in.next());
                    if (isDigit(in.peek())) throw error("leading zero in a number");
                } else {
                    digits(sb);
                }
                if (in.peek() == '.') {
                    sb.append((char) in.next());
                    if (!isDigit(in.peek())) throw expected("a digit after the decimal point");
                    digits(sb);
                }
                if (in.peek() == 'e' || in.peek() == 'E') {
                    sb.append((char) in.next());
                    if (in.peek() == '+' || in.peek() == '-') sb.append((char) in.next());
                    if (!isDigit(in.peek())) throw expected("a digit in the exponent");
                    digits(sb);
                }
                return new Num(sb.toString());
            }

            private void digits(StringBuilder sb) throws IOException, SyntaxError {
                while (isDigit(in.peek())) sb.append((char) in.next());
            }

            private static boolean isDigit(int c) {
                return c >= '0' && c <= '9';
            }

            private Value word() throws IOException, SyntaxError {
                int line = in.line;
                int col = in.col;
                String w = letters();
                return switch (w) {
                    case "true" -> new Bool(true);
                    case "false" -> new Bool(false);
                    case "null" -> new Null();
                    case "NaN", "Infinity" -> throw new SyntaxError(w + " is not a JSON number", line, col);
                    default -> throw new SyntaxError("unexpected " + quote(shorten(w)), line, col);
                };
            }

            private String letters() throws IOException, SyntaxError {
                StringBuilder sb = new StringBuilder();
                while (in.peek() >= 0 && Character.isLetterOrDigit(in.peek())) sb.append((char) in.next());
                return sb.toString();
            }

            private void skipSpace() throws IOException, SyntaxError {
                int c = in.peek();
                while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    in.next();
                    c = in.peek();
                }
            }

            private SyntaxError expected(String what) throws IOException, SyntaxError {
                int c = in.peek();
                return error("expected " + what + (c < 0 ? " but the input ended" : " but found " + show(c)));
            }

            private SyntaxError error(String what) {
                return new SyntaxError(what, in.line, in.col);
            }

            private static String show(int c) {
                if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)) return String.format("U+%04X", c);
                return "'" + (char) c + "'";
            }
        }

        /**
         * Characters decoded strictly from UTF-8, one look-ahead, with the 1-based line and
         * column of the next one. Bad bytes fail exactly where the reader reaches them.
         */
        private static final class Chars {
            private final InputStream in;
            private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
            private final CharBuffer chars = CharBuffer.allocate(1 << 14).flip();
            private boolean endOfBytes;
            private boolean badBytes;
            private boolean finished;
            int line = 1;
            int col = 1;

            Chars(InputStream in) {
                this.in = in;
            }

            int peek() throws IOException, SyntaxError {
                if (!chars.hasRemaining()) fill();
                if (chars.hasRemaining()) return chars.get(chars.position());
                if (badBytes) throw new SyntaxError("bytes that are not valid UTF-8", line, col);
                return -1;
            }

            int next() throws IOException, SyntaxError {
                int c = peek();
                if (c < 0) return c;
                chars.get();
                if (c == '\n') {
                    line++;
                    col = 1;
                } else if (!Character.isLowSurrogate((char) c)) {
                    col++;
                }
                return c;
            }

            private void fill() throws IOException {
                chars.clear();
                while (chars.position() == 0 && !badBytes && !finished) {
                    if (!endOfBytes) {
                        bytes.compact();
                        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (n < 0) endOfBytes = true;
                        else bytes.position(bytes.position() + n);
                        bytes.flip();
                    }
                    CoderResult r = decoder.decode(bytes, chars, endOfBytes);
                    if (r.isError()) {
                        badBytes = true;
                    } else if (endOfBytes && r.isUnderflow()) {
                        decoder.flush(chars);
                        finished = true;
                    }
                }
                chars.flip();
            }
        }

        /** The value a pointer names, or why it names none. */
        record Resolved(Optional<Value> value, Optional<String> error) {}

        private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");

        /** RFC 6901: {@code ~1} is {@code /}, {@code ~0} is {@code ~}; array indices without leading zeros. */
        static Resolved resolve(Value doc, String pointer) {
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                return fail("a JSON pointer is empty or starts with \"/\"");
            }
            Value at = doc;
            int start = 0;
            while (start < pointer.length()) {
                int end = pointer.indexOf('/', start + 1);
                if (end < 0) end = pointer.length();
                String where = quote(pointer.substring(0, start));
                String raw = pointer.substring(start + 1, end);
                Optional<String> token = unescape(raw);
                if (token.isEmpty()) {
                    return fail(quote(raw) + " has a ~ that is not ~0 or ~1 (write ~0 for ~ and ~1 for /)");
                }
                String t = token.get();
                if (at instanceof Obj o) {
                    if (!o.members().containsKey(t)) return fail("no member " + quote(t) + " in the object at " + where);
                    at = o.members().get(t);
                } else if (at instanceof Arr a) {
                    int size = a.items().size();
                    if (t.equals("-")) return fail("\"-\" is past the end (array of " + size + ") at " + where);
                    if (!INDEX.matcher(t).matches()) {
                        String why = t.matches("0[0-9]+") ? ", it has a leading zero" : "";
                        return fail(quote(t) + " is not an array index" + why + " (array of " + size + ") at " + where);
                    }
                    BigInteger i = new BigInteger(t);
                    if (i.compareTo(BigInteger.valueOf(size)) >= 0) {
                        return fail("index " + t + " is out of range (array of " + size + ") at " + where);
                    }
                    at = a.items().get(i.intValueExact());
                } else {
                    return fail("the value at " + where + " is " + kind(at) + ", not an object or array");
                }
                start = end;
            }
            return new Resolved(Optional.of(at), Optional.empty());
        }

        private static Resolved fail(String why) {
            return new Resolved(Optional.empty(), Optional.of(why));
        }

        private static Optional<String> unescape(String raw) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '~') {
                    sb.append(c);
                    continue;
                }
                char n = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
                if (n == '0') sb.append('~');
                else if (n == '1') sb.append('/');
                else return Optional.empty();
                i++;
            }
            return Optional.of(sb.toString());
        }

        private static String kind(Value v) {
            if (v instanceof Num) return "a number";
            if (v instanceof Str) return "a string";
            if (v instanceof Bool) return "a boolean";
            return "null";
        }
    }
}
