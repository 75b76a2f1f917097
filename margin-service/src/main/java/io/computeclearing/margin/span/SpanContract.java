package io.computeclearing.margin.span;

import java.util.Objects;

/**
 * A contract as SPAN sees it: its identifier, the tier (range of delivery months) it belongs to within its combined
 * commodity, its kind, and the risk array of one long contract.
 *
 * @param contractId the contract's identifier, e.g. {@code H100-2026M12}
 * @param tier       the intra-commodity tier number the contract's delta falls into
 * @param kind       future, call or put (options count towards the short option minimum)
 * @param riskArray  the risk array of one long contract
 */
public record SpanContract(String contractId, int tier, Kind kind, RiskArray riskArray) {

    /** Future or option type. */
    public enum Kind {
        FUTURE, CALL, PUT;

        public boolean isOption() {
            return this != FUTURE;
        }
    }

    public SpanContract {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(riskArray, "riskArray");
        if (contractId.isBlank()) {
            throw new IllegalArgumentException("contract id must not be blank");
        }
    }

    /** A futures contract. */
    public static SpanContract future(String contractId, int tier, RiskArray riskArray) {
        return new SpanContract(contractId, tier, Kind.FUTURE, riskArray);
    }

    /** An option on a future. */
    public static SpanContract option(String contractId, int tier, Black76.OptionType type, RiskArray riskArray) {
        return new SpanContract(contractId, tier, type == Black76.OptionType.CALL ? Kind.CALL : Kind.PUT, riskArray);
    }
}
