package io.computeclearing.margin.span.bench;

import io.computeclearing.margin.span.AccountType;
import io.computeclearing.margin.span.Portfolio;
import io.computeclearing.margin.span.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic book of accounts for the benchmark: each account holds {@code positionsPerAccount} different contracts
 * of the catalogue (so calendar spreads within a family and positions across families and currencies occur
 * naturally), each long or short 1 to 50 lots; one account in four is a client (speculator ratio). Seeded, so every
 * run margins the same book.
 */
public record SyntheticBook(List<Portfolio> portfolios, List<AccountType> accountTypes) {

    public static SyntheticBook of(int accounts, int positionsPerAccount, long seed) {
        List<String> contracts = DefaultCatalogue.contractIds();
        if (positionsPerAccount > contracts.size()) {
            throw new IllegalArgumentException("only " + contracts.size() + " contracts are listed");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Portfolio> portfolios = new ArrayList<>(accounts);
        List<AccountType> types = new ArrayList<>(accounts);
        int[] order = new int[contracts.size()];
        for (int a = 0; a < accounts; a++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            List<Position> positions = new ArrayList<>(positionsPerAccount);
            for (int p = 0; p < positionsPerAccount; p++) {
                // partial Fisher-Yates: the first positionsPerAccount of a random permutation
                int pick = p + random.nextInt(order.length - p);
                int chosen = order[pick];
                order[pick] = order[p];
                order[p] = chosen;
                long lots = 1 + random.nextInt(50);
                positions.add(Position.of(contracts.get(chosen), random.nextBoolean() ? lots : -lots));
            }
            portfolios.add(Portfolio.of(positions));
            types.add(random.nextInt(4) == 0 ? AccountType.SPECULATOR : AccountType.MEMBER);
        }
        return new SyntheticBook(List.copyOf(portfolios), List.copyOf(types));
    }

    public int size() {
        return portfolios.size();
    }
}
