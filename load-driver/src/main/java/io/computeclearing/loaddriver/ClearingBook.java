package io.computeclearing.loaddriver;

import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.Positions;
import io.computeclearing.client.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What clearing-service holds after the trades, read back over REST: the load-test accounts' positions, and open
 * interest per instrument, where novation must keep the CCP's book flat (the nets of all accounts sum to zero).
 */
final class ClearingBook {

    private final ClearingHouse house;

    ClearingBook(ClearingHouse house) {
        this.house = house;
    }

    /** Net quantity per {@code account|instrument} of the given accounts, as {@code GET /positions} reports it. */
    Map<String, Long> netPositions(Set<String> accounts) {
        List<Positions.Position> positions;
        try {
            positions = house.positions().list(Positions.Filter.all());
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("clearing-service GET /positions: " + e.getMessage());
        }
        Map<String, Long> nets = new HashMap<>();
        for (Positions.Position position : positions) {
            if (accounts.contains(position.accountId())) {
                nets.put(key(position.accountId(), position.instrumentId()), position.netQuantity());
            }
        }
        return nets;
    }

    static String key(String account, String instrument) {
        return account + "|" + instrument;
    }

    /**
     * The open interest of every instrument, and those where the book is not flat: {@code netSum != 0} or total
     * long differs from total short.
     */
    record OpenInterest(int instruments, List<String> unbalanced) {
    }

    /** Empty when clearing-service has no open-interest view (404/405), so the check cannot be made. */
    Optional<OpenInterest> openInterest() {
        List<Positions.OpenInterest> instruments;
        try {
            instruments = house.positions().openInterest(null);
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw new LoadRunFailure("clearing-service GET /open-interest: " + e.getMessage());
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("clearing-service GET /open-interest: " + e.getMessage());
        }
        List<String> unbalanced = new ArrayList<>();
        int seen = 0;
        for (Positions.OpenInterest instrument : instruments) {
            seen++;
            long netSum = instrument.netSum();
            long totalLong = instrument.totalLong();
            long totalShort = instrument.totalShort();
            if (netSum != 0 || totalLong != totalShort) {
                unbalanced.add(instrument.instrumentId() + " (long " + totalLong + ", short "
                        + totalShort + ", net sum " + netSum + ")");
            }
        }
        return Optional.of(new OpenInterest(seen, List.copyOf(unbalanced)));
    }
}
