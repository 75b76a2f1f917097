package io.computeclearing.settlement.run;

import io.computeclearing.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Why an end-of-day run refuses: each a 409 naming what is missing or wrong, with nothing written. */
final class RunRefusal {

    private RunRefusal() {
    }

    static ProblemException earlierDatesUnsettled(LocalDate date, List<LocalDate> earlier) {
        return ProblemException.conflict("earlier-run-missing", "Earlier business date not settled",
                "business date " + date + " cannot be settled before " + earlier
                        + ": run the end of day of those dates first (runs go in date order)");
    }

    static ProblemException instrumentsUnknown(List<String> instruments) {
        return ProblemException.conflict("instrument-unknown", "Instrument not known to settlement",
                "positions or trades exist in " + instruments + ", whose listing has not reached settlement yet");
    }

    static ProblemException pricesMissing(LocalDate date, List<String> prices, List<String> indexValues) {
        StringBuilder detail = new StringBuilder("cannot settle " + date + ":");
        if (!prices.isEmpty()) {
            detail.append(" no settlement price for ").append(prices).append(" (positions or trades exist);");
        }
        if (!indexValues.isEmpty()) {
            detail.append(" final settlement needs index values ").append(indexValues).append(';');
        }
        detail.setLength(detail.length() - 1);
        return ProblemException.conflict("settlement-inputs-missing", "Settlement inputs missing", detail.toString());
    }

    static ProblemException intradayPricesMissing(LocalDate date, List<String> instruments) {
        return ProblemException.conflict("settlement-inputs-missing", "Settlement inputs missing",
                "cannot run an intraday cycle of " + date + ": no intraday price for " + instruments + " (positions or "
                        + "trades exist); give them with the cycle or publish them (POST /settlement-cycles/" + date + "/prices)");
    }

    static ProblemException previousPriceMissing(List<String> instruments) {
        return ProblemException.conflict("previous-price-missing", "Previous settlement price missing",
                "instruments " + instruments + " have positions from earlier dates but no earlier run settled them");
    }

    static ProblemException notWholeMinorUnits(String instrumentId, String accountId, BigDecimal amount,
                                               String currency) {
        return ProblemException.conflict("amount-below-minor-unit", "Cash flow not in whole minor units",
                "instrument " + instrumentId + ": the cash flow of account " + accountId + " would be "
                        + amount.toPlainString() + " " + currency + ", not a whole number of minor units; its tick"
                        + " x contract unit must be a whole number of minor units to be settled exactly");
    }

    static ProblemException notZeroSum(String detail) {
        return ProblemException.conflict("settlement-not-zero-sum", "Settlement does not sum to zero",
                detail + ". Nothing was posted: the book is inconsistent, call the operations team");
    }
}
