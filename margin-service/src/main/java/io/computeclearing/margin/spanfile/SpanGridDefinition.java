package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.span.ScenarioGrid;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard SPAN scenario grid as a SPAN file writes it in {@code pointDef}: each scenario's price move and
 * volatility move as a fraction ({@code numerator / denominator}) of the scan ranges, its paired point and weight.
 * Scenarios 1-14 are fixed (0, +-1/3, +-2/3, +-1 with volatility up and down); 15 and 16 are the extreme moves of
 * {@code +-multiple} ranges, weighted by the cover fraction. The composite delta points are listed with their weights.
 * Reading accepts only this grid (with any extreme move and cover), as the engine's {@link ScenarioGrid} is built
 * on it.
 */
final class SpanGridDefinition {

    /** Price move numerator and denominator of scenarios 1-14, in published order (pairs share a move). */
    static final long[][] PRICE_MOVES = {{0, 1}, {1, 3}, {-1, 3}, {2, 3}, {-2, 3}, {1, 1}, {-1, 1}};

    /** The seven price points of the composite delta and their weights. */
    static final long[][] DELTA_POINTS = {{-1, 1}, {-2, 3}, {-1, 3}, {0, 1}, {1, 3}, {2, 3}, {1, 1}};
    static final String[] DELTA_WEIGHTS = {"0.037", "0.111", "0.217", "0.270", "0.217", "0.111", "0.037"};

    private SpanGridDefinition() {
    }

    /** Price move of a scenario 1..14 as {numerator, denominator}. */
    static long[] priceMove(int point) {
        return PRICE_MOVES[(point - 1) / 2];
    }

    /** Volatility move of a scenario 1..14: up for odd points, down for even. */
    static int volatilityMove(int point) {
        return point % 2 == 1 ? 1 : -1;
    }

    /** A decimal as a whole numerator over a power of ten, e.g. 2.5 as {25, 10}. */
    static BigInteger[] asFraction(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0) {
            return new BigInteger[] {v.toBigIntegerExact(), BigInteger.ONE};
        }
        return new BigInteger[] {v.unscaledValue(), BigInteger.TEN.pow(v.scale())};
    }

    /** Writes the grid with this extreme move and cover as the clearing organisation's {@code pointDef}. */
    static void write(Element org, BigDecimal multiple, BigDecimal cover) {
        Element pointDef = SpanFileWriter.add(org, "pointDef");
        for (int point = 1; point <= 16; point++) {
            Element def = SpanFileWriter.add(pointDef, "scanPointDef");
            SpanFileWriter.add(def, "point", String.valueOf(point));
            SpanFileWriter.add(def, "pairedPoint", String.valueOf(ScenarioGrid.pairOf(point)));
            BigInteger[] price;
            int vol;
            BigDecimal weight;
            if (point <= 14) {
                long[] move = priceMove(point);
                price = new BigInteger[] {BigInteger.valueOf(move[0]), BigInteger.valueOf(move[1])};
                vol = volatilityMove(point);
                weight = BigDecimal.ONE;
            } else {
                price = asFraction(point == 15 ? multiple : multiple.negate());
                vol = 0;
                weight = cover;
            }
            SpanFileWriter.fraction(def, "priceScanDef", price[0], price[1]);
            SpanFileWriter.fraction(def, "volScanDef", BigInteger.valueOf(vol), BigInteger.ONE);
            SpanFileWriter.add(def, "weight", SpanFileWriter.plain(weight));
        }
        for (int i = 0; i < DELTA_POINTS.length; i++) {
            Element def = SpanFileWriter.add(pointDef, "deltaPointDef");
            SpanFileWriter.add(def, "point", String.valueOf(i + 1));
            long[] move = DELTA_POINTS[i];
            SpanFileWriter.fraction(def, "priceScanDef", BigInteger.valueOf(move[0]), BigInteger.valueOf(move[1]));
            SpanFileWriter.fraction(def, "volScanDef", BigInteger.ZERO, BigInteger.ONE);
            SpanFileWriter.add(def, "weight", DELTA_WEIGHTS[i]);
        }
    }

    /** The grid a {@code pointDef} defines, which must be the standard one (any extreme move and cover). */
    static ScenarioGrid read(SpanXmlElement pointDef) {
        List<SpanXmlElement> points = pointDef.children("scanPointDef");
        if (points.size() != ScenarioGrid.SIZE) {
            throw SpanFileProblems.inconsistent(pointDef.path() + "/scanPointDef",
                    points.size() + " scan points; the SPAN grid has 16");
        }
        Map<Integer, SpanXmlElement> byPoint = new HashMap<>();
        for (SpanXmlElement p : points) {
            byPoint.put(p.integer("point"), p.labelled(String.valueOf(p.integer("point"))));
        }
        for (int point = 1; point <= 14; point++) {
            SpanXmlElement p = requirePoint(pointDef, byPoint, point);
            long[] move = priceMove(point);
            if (fraction(p, "priceScanDef").compareTo(ratio(move[0], move[1])) != 0
                    || fraction(p, "volScanDef").compareTo(BigDecimal.valueOf(volatilityMove(point))) != 0
                    || p.decimal("weight").compareTo(BigDecimal.ONE) != 0) {
                throw SpanFileProblems.inconsistent(p.path(), "scenario " + point
                        + " is not the standard SPAN scenario "
                        + "(price " + move[0] + "/" + move[1] + ", volatility " + volatilityMove(point)
                        + ", weight 1)");
            }
        }
        SpanXmlElement up = requirePoint(pointDef, byPoint, 15);
        SpanXmlElement down = requirePoint(pointDef, byPoint, 16);
        BigDecimal multiple = fraction(up, "priceScanDef");
        BigDecimal cover = up.decimal("weight");
        if (multiple.signum() <= 0 || fraction(down, "priceScanDef").compareTo(multiple.negate()) != 0
                || down.decimal("weight").compareTo(cover) != 0
                || fraction(up, "volScanDef").signum() != 0 || fraction(down, "volScanDef").signum() != 0) {
            throw SpanFileProblems.inconsistent(down.path(), "scenarios 15 and 16 must be the same extreme move up and "
                    + "down (15 positive), with volatility unchanged and the same weight");
        }
        if (cover.signum() <= 0 || cover.compareTo(BigDecimal.ONE) > 0) {
            throw SpanFileProblems.inconsistent(up.path() + "/weight", "the extreme move cover must be in (0, 1]");
        }
        SpanFileReader.scaleAtMost(up.path() + "/priceScanDef", multiple, 4);
        SpanFileReader.scaleAtMost(up.path() + "/weight", cover, 4);
        return ScenarioGrid.of(multiple, cover);
    }

    private static SpanXmlElement requirePoint(SpanXmlElement pointDef, Map<Integer, SpanXmlElement> byPoint, int n) {
        SpanXmlElement p = byPoint.get(n);
        if (p == null) {
            throw SpanFileProblems.inconsistent(pointDef.path() + "/scanPointDef[" + n + "]", "scan point is missing");
        }
        return p;
    }

    private static BigDecimal fraction(SpanXmlElement point, String name) {
        SpanXmlElement def = point.child(name);
        BigDecimal denominator = def.decimal("denominator");
        if (denominator.signum() == 0) {
            throw SpanFileProblems.malformed(def.path() + "/denominator", "must not be zero");
        }
        BigDecimal numerator = def.decimal("numerator");
        try {
            return numerator.divide(denominator);
        } catch (ArithmeticException repeating) {
            return numerator.divide(denominator, MathContext.DECIMAL128);
        }
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        try {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator));
        } catch (ArithmeticException repeating) {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128);
        }
    }

}
