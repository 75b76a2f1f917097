package io.computeclearing.clearing.trade;

import io.computeclearing.platform.problem.Problem.Violation;
import io.computeclearing.platform.problem.ProblemException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What became of one reported trade: cleared now (ACCEPTED), cleared before with the same content (DUPLICATE: nothing
 * happened again), or refused with the rules it broke (REJECTED: nothing written).
 *
 * @param trade    the cleared trade for ACCEPTED and DUPLICATE, null for REJECTED
 * @param conflict for REJECTED: the exchange trade id was cleared before with different content
 */
public record CaptureOutcome(String exchangeTradeId, Status status, Trade trade, boolean conflict,
                             List<Violation> violations) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /** The field under which a reused exchange trade id is reported. */
    public static final String CONFLICT_FIELD = "exchangeTradeId";

    /**
     * The problem a single-trade request answers for a REJECTED outcome: 409 {@code /problems/trade-id-conflict} for
     * a reused exchange trade id, otherwise 422 {@code /problems/trade-rejected} naming every broken rule.
     */
    public ProblemException problem() {
        if (conflict) {
            return new ProblemException(409, "trade-id-conflict", "Exchange trade id already used",
                    violations.getFirst().message(), violations);
        }
        String detail = "trade " + exchangeTradeId + " rejected: " + violations.stream()
                .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return new ProblemException(422, "trade-rejected", "Trade rejected", detail, violations);
    }

    static CaptureOutcome accepted(Trade trade) {
        return new CaptureOutcome(trade.exchangeTradeId, Status.ACCEPTED, trade, false, List.of());
    }

    static CaptureOutcome duplicate(Trade trade) {
        return new CaptureOutcome(trade.exchangeTradeId, Status.DUPLICATE, trade, false, List.of());
    }

    static CaptureOutcome rejected(String exchangeTradeId, List<Violation> violations) {
        return new CaptureOutcome(exchangeTradeId, Status.REJECTED, null, false, List.copyOf(violations));
    }

    static CaptureOutcome conflict(Trade earlier, List<String> differences) {
        String message = "exchange trade id '" + earlier.exchangeTradeId + "' was already cleared as trade "
                + earlier.id + " with a different " + String.join(", ", differences);
        return new CaptureOutcome(earlier.exchangeTradeId, Status.REJECTED, null, true,
                List.of(new Violation(CONFLICT_FIELD, message)));
    }
}
