package dev.safecase.num;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exact decimal reading: the same value as the JDK's, in lowest terms, without its quadratic costs. */
class RationalTest {

    /** The reference: BigDecimal's value reduced by a general gcd (slow, but obviously right). */
    private static Rational reference(String text) {
        BigDecimal d = new BigDecimal(text);
        if (d.scale() <= 0) return Rational.of(d.toBigIntegerExact());
        return Rational.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    @Test
    void agreesWithBigDecimalOnRandomDecimals() {
        Random rnd = new Random(11L);
        String[] pieces = {"0", "5", "25", "125", "2", "4", "8", "10", "00", "3", "7", "9"};
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(4) == 0) sb.append(rnd.nextBoolean() ? '-' : '+');
            int intParts = rnd.nextInt(4);
            for (int i = 0; i < intParts; i++) sb.append(pieces[rnd.nextInt(pieces.length)]);
            if (intParts == 0 || rnd.nextBoolean()) {
                sb.append('.');
                int fracParts = 1 + rnd.nextInt(4);
                for (int i = 0; i < fracParts; i++) sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            if (rnd.nextInt(3) == 0) sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(3) == 0 ? "-" : "")
                    .append(rnd.nextInt(40));
            String text = sb.toString();
            assertEquals(reference(text), Rational.parse(text), text);
            assertEquals(reference(text), Rational.of(new BigDecimal(text)), text);
        }
    }

    @Test
    void lowestTermsAcrossPowersOfTwoAndFive() {
        assertEquals(Rational.of(1, 8), Rational.parse("0.125"));
        assertEquals(Rational.of(1, 5), Rational.parse("0.2000"));
        // 2^30 / 10^40
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.valueOf(5).pow(40).shiftLeft(10)),
                Rational.parse("0." + "0".repeat(30) + "1073741824"));
        assertEquals(Rational.of(BigInteger.valueOf(5).pow(40), BigInteger.ONE), Rational.parse("9094947017729282379150390625"));
        assertEquals(Rational.of(1, 2), Rational.parse("5e-1"));
        assertEquals(Rational.of(-3, 4), Rational.parse("-75e-2"));
        assertEquals(Rational.ZERO, Rational.parse("-0.000e5"));
        assertEquals(Rational.of(7, 3), Rational.parse("14 / 6"));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"", ".", "-", "1e", "1e+", "e5", "1.2.3", "0x10", "1_000", " 1", "1/", "1/0", "NaN"}) {
            assertThrows(NumberFormatException.class, () -> Rational.parse(bad), bad);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionDigitsAreReadWithoutQuadraticWork() {
        // before: minutes, in BigInteger(String) and in the gcd with 10^1000000
        String digits = "7".repeat(500_000) + "5".repeat(500_000);
        Rational r = Rational.parse("0." + digits);
        // 0.77…755…5 = digits / 10^1000000, and digits = 5 × odd: one factor 5 cancels
        assertEquals(BigInteger.ONE.shiftLeft(1_000_000).multiply(BigInteger.valueOf(5).pow(999_999)), r.denominator());
        assertEquals(BigInteger.ONE, r.numerator().gcd(BigInteger.TEN));
        assertTrue(r.compareTo(Rational.of(78, 100)) < 0 && r.compareTo(Rational.of(77, 100)) > 0);
        Rational integer = Rational.parse("1" + "0".repeat(999_999) + ".000");
        assertEquals(BigInteger.TEN.pow(999_999), integer.numerator());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExponentsAreRefusedWithAReason() {
        // before: 10^100000000 was computed (a hang), or "BigInteger would overflow supported range"
        NumberFormatException tiny = assertThrows(NumberFormatException.class, () -> Rational.parse("1e-100000000"));
        assertEquals("the exponent of 1e-100000000 is out of range (at most 10000 in magnitude)", tiny.getMessage());
        assertThrows(NumberFormatException.class, () -> Rational.parse("2.5E+99999999999999999999"));
        ArithmeticException scale = assertThrows(ArithmeticException.class,
                () -> Rational.of(new BigDecimal("1e-2147483647")));
        assertEquals("decimal exponent -2147483647 is out of range (at most 10000 in magnitude)", scale.getMessage());
        assertThrows(ArithmeticException.class, () -> Rational.of(new BigDecimal("1e2147483647")));
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(10_000)), Rational.parse("1e-10000"));
    }
}
