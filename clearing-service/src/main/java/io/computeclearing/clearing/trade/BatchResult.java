package io.computeclearing.clearing.trade;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.computeclearing.platform.problem.Problem.Violation;

import java.util.List;

/** The answer to a batch: how many trades were accepted, acknowledged again or rejected, and each one's result. */
public record BatchResult(int accepted, int duplicates, int rejected, List<Item> results) {

    /** One trade's result, in the order submitted; {@code tradeId} is set for ACCEPTED and DUPLICATE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String exchangeTradeId, CaptureOutcome.Status status, Long tradeId, List<Violation> violations) {
    }

    public static BatchResult of(List<CaptureOutcome> outcomes) {
        int accepted = 0;
        int duplicates = 0;
        List<Item> items = outcomes.stream().map(o -> new Item(o.exchangeTradeId(), o.status(),
                o.trade() == null ? null : o.trade().id, o.violations())).toList();
        for (CaptureOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> { }
            }
        }
        return new BatchResult(accepted, duplicates, outcomes.size() - accepted - duplicates, items);
    }
}
