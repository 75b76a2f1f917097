package io.computeclearing.margin.span;

import java.util.Objects;

/**
 * A net position in one contract: positive quantity long, negative short.
 *
 * @param contractId the contract
 * @param quantity   signed number of contracts
 */
public record Position(String contractId, long quantity) {

    public Position {
        Objects.requireNonNull(contractId, "contractId");
        if (contractId.isBlank()) {
            throw new IllegalArgumentException("contract id must not be blank");
        }
    }

    public static Position of(String contractId, long quantity) {
        return new Position(contractId, quantity);
    }
}
