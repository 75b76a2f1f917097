package io.computeclearing.loaddriver;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
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

    private final Rest rest;
    private final URI clearingService;

    ClearingBook(Rest rest, URI clearingService) {
        this.rest = rest;
        this.clearingService = clearingService;
    }

    /** Net quantity per {@code account|instrument} of the given accounts, as {@code GET /positions} reports it. */
    Map<String, Long> netPositions(Set<String> accounts) throws InterruptedException, IOException {
        Rest.Response response = rest.get(URI.create(clearingService + "/positions"));
        if (response.status() != 200) {
            throw new LoadRunFailure("clearing-service GET /positions: " + response);
        }
        Map<String, Long> nets = new HashMap<>();
        for (JsonNode position : rest.read(response)) {
            String account = position.path("accountId").asText();
            if (accounts.contains(account)) {
                nets.put(key(account, position.path("instrumentId").asText()), position.path("netQuantity").asLong());
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
    Optional<OpenInterest> openInterest() throws InterruptedException, IOException {
        Rest.Response response = rest.get(URI.create(clearingService + "/open-interest"));
        if (response.status() == 404 || response.status() == 405) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new LoadRunFailure("clearing-service GET /open-interest: " + response);
        }
        List<String> unbalanced = new ArrayList<>();
        int seen = 0;
        for (JsonNode instrument : rest.read(response)) {
            seen++;
            long netSum = instrument.path("netSum").asLong();
            long totalLong = instrument.path("totalLong").asLong();
            long totalShort = instrument.path("totalShort").asLong();
            if (netSum != 0 || totalLong != totalShort) {
                unbalanced.add(instrument.path("instrumentId").asText() + " (long " + totalLong + ", short "
                        + totalShort + ", net sum " + netSum + ")");
            }
        }
        return Optional.of(new OpenInterest(seen, List.copyOf(unbalanced)));
    }
}
