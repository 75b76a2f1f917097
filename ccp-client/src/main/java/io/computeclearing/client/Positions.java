package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Positions at clearing-service after novation, and open interest per instrument (where the CCP's book is flat: the
 * nets of all accounts sum to zero).
 */
public final class Positions {

    /**
     * A house account nets ({@code gross} false, only {@code netQuantity} matters); a client omnibus account keeps
     * long and short apart.
     */
    public record Position(String accountId, String memberId, String instrumentId, boolean gross, long longQuantity,
                           long shortQuantity, long netQuantity, LocalDate businessDate, Long version) {
    }

    public record OpenInterest(String instrumentId, long totalLong, long totalShort, long netSum, long accounts) {
    }

    /** Which positions; null fields do not filter. */
    public record Filter(String accountId, String instrumentId, LocalDate businessDate) {

        public static Filter all() {
            return new Filter(null, null, null);
        }

        public static Filter account(String accountId) {
            return new Filter(accountId, null, null);
        }

        public static Filter instrument(String instrumentId) {
            return new Filter(null, instrumentId, null);
        }

        public Filter andInstrument(String id) {
            return new Filter(accountId, id, businessDate);
        }

        public Filter on(LocalDate date) {
            return new Filter(accountId, instrumentId, date);
        }
    }

    private final RestCalls calls;
    private final URI clearingService;

    Positions(RestCalls calls, URI clearingService) {
        this.calls = calls;
        this.clearingService = clearingService;
    }

    /** The positions the caller may see (a member user: its own accounts' only). */
    public List<Position> list(Filter filter) {
        return calls.get(RestCalls.query(RestCalls.url(clearingService, "positions"), RestCalls.parameters(
                "accountId", filter.accountId(), "instrumentId", filter.instrumentId(),
                "businessDate", filter.businessDate())), new TypeReference<>() { });
    }

    /** Per instrument, or of one when {@code instrumentId} is not null (staff only). */
    public List<OpenInterest> openInterest(String instrumentId) {
        return calls.get(RestCalls.query(RestCalls.url(clearingService, "open-interest"),
                RestCalls.parameters("instrumentId", instrumentId)), new TypeReference<>() { });
    }
}
