package io.computeclearing.risk.defaultfund;

import io.computeclearing.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Why a sizing cannot be made: each a 409 naming what is missing, with nothing written. */
final class FundRefusal {

    private FundRefusal() {
    }

    static ProblemException noStressRuns(LocalDate from, LocalDate to) {
        return ProblemException.conflict("no-stress-runs", "No stress runs in the period",
                "no daily (END_OF_DAY) stress run " + (from == null ? "has been made yet"
                        : "of a business date after " + from + " up to " + to) + ": there is no Cover-2 to size on");
    }

    static ProblemException belowMinimumContributions(BigDecimal fund, int members, BigDecimal minimum) {
        return ProblemException.conflict("fund-below-minimum-contributions", "Fund below the minimum contributions",
                "the fund of " + fund.toPlainString() + " is below " + members + " members x the minimum "
                        + "contribution of " + minimum.toPlainString()
                        + ": raise ccp.default-fund.minimum or lower ccp.default-fund.minimum-contribution");
    }

    static ProblemException rateMissing(LocalDate date, String currency) {
        return ProblemException.conflict("fx-rate-missing", "Exchange rate missing",
                "an initial margin in " + currency + " on " + date + " has no USD rate in the stress run");
    }
}
