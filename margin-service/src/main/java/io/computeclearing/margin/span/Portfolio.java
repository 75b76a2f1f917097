package io.computeclearing.margin.span;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of one account, netted per contract (several positions in one contract are added).
 */
public final class Portfolio {

    private final Map<String, Long> netQuantities;

    private Portfolio(Map<String, Long> netQuantities) {
        this.netQuantities = netQuantities;
    }

    public static Portfolio of(List<Position> positions) {
        Map<String, Long> net = new LinkedHashMap<>();
        for (Position p : positions) {
            net.merge(p.contractId(), p.quantity(), Math::addExact);
        }
        return new Portfolio(Map.copyOf(net));
    }

    public static Portfolio of(Position... positions) {
        return of(List.of(positions));
    }

    /** Net quantity per contract id, zero positions included. */
    public Map<String, Long> netQuantities() {
        return netQuantities;
    }

    /** Net quantity in a contract (0 when none). */
    public long quantity(String contractId) {
        return netQuantities.getOrDefault(contractId, 0L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Portfolio p && netQuantities.equals(p.netQuantities);
    }

    @Override
    public int hashCode() {
        return netQuantities.hashCode();
    }

    @Override
    public String toString() {
        return "Portfolio" + netQuantities;
    }
}
