package io.computeclearing.risk.defaults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The prices at which a lot moves to the winning bidder so that the bid is paid exactly through variation margin.
 * The winner takes each position at a price away from its settlement price {@code S}: a contract of {@code u} units
 * taken long at {@code S - a/u} (short at {@code S + a/u}) is worth {@code a} to the winner at {@code S}. The bid
 * {@code C} is spread over the lot's {@code N} contracts: each gets {@code a = C / N} truncated to the cent, and the
 * first {@code |C - N x a|} cents go one cent each to the first contracts in lot order. A leg whose contracts get two
 * amounts is split in two, so every leg has one price, and the legs' values {@code quantity x (S - price) x unit} add
 * up to {@code C} exactly. A negative bid (the winner pays the CCP) moves prices the other way.
 */
public final class BidRealisation {

    /** Decimals a transfer price may have (clearing-service keeps trade prices at numeric(24,10)). */
    public static final int PRICE_SCALE = 10;

    /** A position to hand over: {@code quantity} contracts the winner takes (negative: it takes a short). */
    public record Line(String accountId, String instrumentId, long quantity, BigDecimal settlementPrice,
                       BigDecimal contractUnit) {
    }

    /** A leg at the price that realises its share: {@code value = quantity x (S - price) x unit}. */
    public record Priced(Line line, long quantity, BigDecimal price, BigDecimal value) {
    }

    private BidRealisation() {
    }

    /**
     * Whether a cent per contract is a price step clearing-service can book for this contract unit: {@code 0.01 / u}
     * must have at most {@link #PRICE_SCALE} decimals (any unit whose digits divide into powers of 2 and 5 does).
     */
    public static boolean realisable(BigDecimal contractUnit) {
        try {
            BigDecimal.ONE.movePointLeft(2).divide(contractUnit, PRICE_SCALE, RoundingMode.UNNECESSARY);
            return true;
        } catch (ArithmeticException notExact) {
            return false;
        }
    }

    /** The legs realising {@code bid} (scale 2) over the lines, in line order. */
    public static List<Priced> realise(BigDecimal bid, List<Line> lines) {
        long contracts = lines.stream().mapToLong(l -> Math.abs(l.quantity())).sum();
        if (contracts == 0) {
            throw new IllegalArgumentException("a lot holds at least one contract");
        }
        long cents = bid.movePointRight(2).longValueExact();
        long perContract = cents / contracts;
        long extra = Math.abs(cents - perContract * contracts);
        long step = Long.signum(cents);
        List<Priced> legs = new ArrayList<>();
        for (Line line : lines) {
            long size = Math.abs(line.quantity());
            long withExtra = Math.min(extra, size);
            extra -= withExtra;
            if (withExtra > 0) {
                legs.add(priced(line, withExtra, perContract + step));
            }
            if (size > withExtra) {
                legs.add(priced(line, size - withExtra, perContract));
            }
        }
        return legs;
    }

    /** {@code contracts} of the line, each worth {@code centsEach} to the winner. */
    private static Priced priced(Line line, long contracts, long centsEach) {
        long direction = Long.signum(line.quantity());
        BigDecimal each = BigDecimal.valueOf(centsEach, 2);
        BigDecimal shift = each.divide(line.contractUnit(), PRICE_SCALE, RoundingMode.UNNECESSARY).stripTrailingZeros();
        BigDecimal price = line.settlementPrice().subtract(shift.multiply(BigDecimal.valueOf(direction)))
                .stripTrailingZeros();
        if (price.scale() < 0) {
            price = price.setScale(0);
        }
        long quantity = contracts * direction;
        return new Priced(line, quantity, price, each.multiply(BigDecimal.valueOf(contracts)));
    }
}
