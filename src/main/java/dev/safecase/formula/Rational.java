package dev.safecase.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact rational number p/q in lowest terms with q > 0. Never rounded. */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

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

    public static Rational of(BigDecimal value) {
        if (value.scale() <= 0) return of(value.toBigIntegerExact());
        return of(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /**
     * Parses decimal text exactly: {@code 12}, {@code -0.5}, {@code 1e-4}, {@code 2.5E+3}, and
     * {@code p/q}. Throws NumberFormatException on anything else.
     */
    public static Rational parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            return of(new BigInteger(text.substring(0, slash).trim()), new BigInteger(text.substring(slash + 1).trim()));
        }
        return of(new BigDecimal(text));
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
