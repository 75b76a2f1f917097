package io.computeclearing.platform.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a whole number of units in proportion to integer weights by the largest remainder method (Hamilton): each
 * share gets the whole part of its exact quota {@code total x w_i / sum w}, and the units left over, fewer than the
 * number of shares, go one each to the largest fractional parts. Quotas are compared exactly as integers over the
 * common denominator, so no rounding decides who gets a unit; equal remainders go in the order of the keys.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /** A key, its weight (zero or more) and, when apportioned, its units. */
    public record Share(String key, BigInteger weight) {
    }

    /**
     * The units of each share, in the order given. At least one weight must be positive.
     *
     * @param total the units to share, zero or more
     * @param order the order that settles equal remainders (the first gets the unit)
     */
    public static List<BigInteger> largestRemainder(BigInteger total, List<Share> shares, Comparator<String> order) {
        BigInteger weights = shares.stream().map(Share::weight).reduce(BigInteger.ZERO, BigInteger::add);
        if (weights.signum() <= 0) {
            throw new IllegalArgumentException("apportionment needs a positive weight");
        }
        List<BigInteger> units = new ArrayList<>(shares.size());
        List<BigInteger> remainders = new ArrayList<>(shares.size());
        BigInteger given = BigInteger.ZERO;
        for (Share share : shares) {
            BigInteger[] quotient = total.multiply(share.weight()).divideAndRemainder(weights);
            units.add(quotient[0]);
            remainders.add(quotient[1]);
            given = given.add(quotient[0]);
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.<Integer, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(i -> shares.get(i).key(), order));
        int left = total.subtract(given).intValueExact();
        for (int i = 0; i < left; i++) {
            int index = byRemainder.get(i);
            units.set(index, units.get(index).add(BigInteger.ONE));
        }
        return units;
    }
}
