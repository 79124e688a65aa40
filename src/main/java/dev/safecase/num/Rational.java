package dev.safecase.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exact rational number p/q in lowest terms with q > 0. Never rounded.
 *
 * <p>Decimal text is read in time close to linear in its length: the digits are converted by
 * halves (the JDK's digit-by-digit conversion is quadratic), and a decimal's denominator is a
 * power of ten, so the fraction is reduced by stripping factors 2 and 5 rather than by a general
 * gcd (quadratic too). A written exponent beyond {@link #MAX_EXPONENT} is refused: it would
 * stand for a number of that many digits.
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    /** The largest decimal exponent, written or implied by a {@link BigDecimal}'s scale, that is expanded. */
    public static final int MAX_EXPONENT = 10_000;

    /** Digit strings at most this long are converted by the JDK directly. */
    private static final int DIRECT_DIGITS = 1_000;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    public static Rational of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) throw new ArithmeticException("division by zero");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = BigInteger.ONE;
        return new Rational(num, den);
    }

    public static Rational of(long num, long den) {
        return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(BigInteger value) {
        return new Rational(value, BigInteger.ONE);
    }

    /**
     * The exact value of a decimal.
     *
     * @throws ArithmeticException when its scale exceeds its digits by more than
     *     {@link #MAX_EXPONENT} in magnitude (such as {@code 1e-99999999}: the value would need
     *     that many digits to write)
     */
    public static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        long digits = (unscaled.bitLength() * 1233L >> 12) + 1; // at least the number of decimal digits
        if (Math.abs((long) value.scale()) > MAX_EXPONENT + digits) {
            throw new ArithmeticException("decimal exponent " + (-(long) value.scale()) + " is out of range (at most "
                    + MAX_EXPONENT + " in magnitude)");
        }
        return decimal(unscaled, value.scale());
    }

    /**
     * Parses decimal text exactly: {@code 12}, {@code -0.5}, {@code 1e-4}, {@code 2.5E+3}, and
     * {@code p/q}.
     *
     * @throws NumberFormatException on anything else, with a message that says what is wrong
     *     (an exponent beyond {@link #MAX_EXPONENT} included)
     */
    public static Rational parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            BigInteger p = integer(text.substring(0, slash).trim());
            BigInteger q = integer(text.substring(slash + 1).trim());
            if (q.signum() == 0) throw new NumberFormatException("division by zero in " + text);
            return of(p, q);
        }
        return parseDecimal(text);
    }

    /** {@code [+-]digits[.digits][(e|E)[+-]digits]}, the syntax {@link BigDecimal} accepts (without its scale limits). */
    private static Rational parseDecimal(String text) {
        int i = 0;
        int n = text.length();
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) negative = text.charAt(i++) == '-';
        int intStart = i;
        while (i < n && isDigit(text.charAt(i))) i++;
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && text.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(text.charAt(i))) i++;
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) throw new NumberFormatException("not a number: \"" + text + "\"");
        long exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negExp = false;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) negExp = text.charAt(i++) == '-';
            int expStart = i;
            while (i < n && isDigit(text.charAt(i))) {
                if (exponent <= MAX_EXPONENT) exponent = exponent * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == expStart) throw new NumberFormatException("not a number: \"" + text + "\"");
            if (exponent > MAX_EXPONENT) {
                throw new NumberFormatException("the exponent of " + abbreviate(text) + " is out of range (at most "
                        + MAX_EXPONENT + " in magnitude)");
            }
            if (negExp) exponent = -exponent;
        }
        if (i != n) throw new NumberFormatException("not a number: \"" + abbreviate(text) + "\"");
        // trailing zeros of the digits only move the exponent; dropping them keeps the reduction cheap
        String digits = text.substring(intStart, intEnd) + text.substring(fracStart, fracEnd);
        long scale = (fracEnd - fracStart) - exponent;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
            scale--;
        }
        BigInteger unscaled = digits(digits.substring(0, end), new java.util.HashMap<>());
        if (negative) unscaled = unscaled.negate();
        return decimal(unscaled, scale);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static BigInteger integer(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (start == text.length()) throw new NumberFormatException("not an integer: \"" + abbreviate(text) + "\"");
        for (int i = start; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) throw new NumberFormatException("not an integer: \"" + abbreviate(text) + "\"");
        }
        BigInteger v = digits(text.substring(start), new java.util.HashMap<>());
        return text.startsWith("-") ? v.negate() : v;
    }

    /**
     * A string of decimal digits as an integer, by halves so that the cost is that of a few
     * multiplications; {@code powers} keeps the powers of ten of each length (two per level).
     */
    private static BigInteger digits(String s, java.util.Map<Integer, BigInteger> powers) {
        if (s.length() <= DIRECT_DIGITS) return new BigInteger(s);
        int low = s.length() / 2;
        BigInteger high = digits(s.substring(0, s.length() - low), powers);
        BigInteger scale = powers.computeIfAbsent(low, BigInteger.TEN::pow);
        return high.multiply(scale).add(digits(s.substring(s.length() - low), powers));
    }

    /** unscaled × 10^-scale in lowest terms; the callers bound the scale. */
    private static Rational decimal(BigInteger unscaled, long scale) {
        if (unscaled.signum() == 0) return ZERO;
        if (scale <= 0) return new Rational(unscaled.multiply(BigInteger.TEN.pow(Math.toIntExact(-scale))), BigInteger.ONE);
        // the denominator 10^scale = 2^scale 5^scale shares only factors 2 and 5 with the numerator
        int s = Math.toIntExact(scale);
        int twos = Math.min(unscaled.getLowestSetBit(), s);
        BigInteger num = unscaled.shiftRight(twos);
        int fives = 0;
        if (num.mod(FIVE).signum() == 0) {
            // the largest t <= s with 5^t | num: powers 5^(2^b) upwards while they divide, then
            // back down (binary lifting), so the cost follows t rather than s
            List<BigInteger> powers = new ArrayList<>(List.of(FIVE));
            int b = 0;
            while (fives + (1 << b) <= s) {
                BigInteger[] qr = num.divideAndRemainder(powers.get(b));
                if (qr[1].signum() != 0) break;
                num = qr[0];
                fives += 1 << b;
                powers.add(powers.get(b).multiply(powers.get(b)));
                b++;
            }
            for (b--; b >= 0; b--) {
                if (fives + (1 << b) > s) continue;
                BigInteger[] qr = num.divideAndRemainder(powers.get(b));
                if (qr[1].signum() == 0) {
                    num = qr[0];
                    fives += 1 << b;
                }
            }
        }
        BigInteger den = FIVE.pow(s - fives).shiftLeft(s - twos);
        return new Rational(num, den);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "…" + text.substring(text.length() - 12);
    }

    public BigInteger numerator() { return num; }
    public BigInteger denominator() { return den; }
    public boolean isInteger() { return den.equals(BigInteger.ONE); }
    public int signum() { return num.signum(); }

    public Rational add(Rational o) { return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }
    public Rational subtract(Rational o) { return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den)); }
    public Rational multiply(Rational o) { return of(num.multiply(o.num), den.multiply(o.den)); }
    public Rational divide(Rational o) { return of(num.multiply(o.den), den.multiply(o.num)); }
    public Rational negate() { return new Rational(num.negate(), den); }
    public Rational abs() { return num.signum() < 0 ? negate() : this; }
    public Rational min(Rational o) { return compareTo(o) <= 0 ? this : o; }
    public Rational max(Rational o) { return compareTo(o) >= 0 ? this : o; }

    /** Smallest integer not below this value. */
    public BigInteger ceil() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** Largest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** A decimal approximation for display only; never used to decide anything. */
    public BigDecimal toBigDecimal(int scale, RoundingMode mode) {
        return new BigDecimal(num).divide(new BigDecimal(den), scale, mode);
    }

    /** A short human-readable decimal, e.g. {@code 0.0721575}, for display next to {@code p/q}. */
    public String approx() {
        if (isInteger()) return num.toString();
        BigDecimal d = new BigDecimal(num).divide(new BigDecimal(den), new java.math.MathContext(6, RoundingMode.HALF_EVEN));
        return d.stripTrailingZeros().toPlainString();
    }

    @Override public int compareTo(Rational o) { return num.multiply(o.den).compareTo(o.num.multiply(den)); }
    @Override public boolean equals(Object o) {
        return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
    }
    @Override public int hashCode() { return Objects.hash(num, den); }

    /** {@code 3}, {@code -1/20}: the form used in counterexamples and JSON. */
    @Override public String toString() { return isInteger() ? num.toString() : num + "/" + den; }
}
