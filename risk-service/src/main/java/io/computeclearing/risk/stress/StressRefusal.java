package io.computeclearing.risk.stress;

import io.computeclearing.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

/** Why a stress run cannot be made: each a 409 naming what is missing, with nothing written. */
final class StressRefusal {

    private StressRefusal() {
    }

    static ProblemException noEndOfDayRun(LocalDate date) {
        return ProblemException.conflict("end-of-day-run-missing", "No end-of-day run",
                "settlement-service has not completed the end-of-day run of " + date
                        + " (or its EndOfDayRunCompleted has not reached risk-service): positions and prices of the "
                        + "date are not final");
    }

    static ProblemException runPricesNotArrived(LocalDate date, List<String> instruments) {
        return ProblemException.conflict("settlement-prices-missing", "Settlement prices not arrived",
                "the end-of-day run of " + date + " settled " + instruments + " at prices that have not reached "
                        + "risk-service yet");
    }

    static ProblemException pricesMissing(LocalDate date, List<String> instruments) {
        return ProblemException.conflict("settlement-prices-missing", "Settlement prices missing",
                "positions are held in " + instruments + " but no settlement price (or listing) of them up to " + date
                        + " has reached risk-service");
    }

    static ProblemException noScenarios() {
        return ProblemException.conflict("no-scenarios", "No scenarios in force",
                "there is no active stress scenario: define one with POST /scenarios");
    }

    static ProblemException fxRateMissing(LocalDate date, List<String> currencies) {
        return ProblemException.conflict("fx-rate-missing", "Exchange rate missing",
                "no USD rate for " + currencies + " recorded by the end of " + date
                        + ": losses in them cannot be reported in USD");
    }
}
