package io.computeclearing.risk.backtesting;

import io.computeclearing.risk.backtesting.BacktestViews.BacktestLine;
import io.computeclearing.risk.backtesting.BacktestViews.BacktestReport;

import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The backtest report as CSV: a header and one line per scope and holding period (CCP first, then the families). */
final class BacktestCsv {

    static final String HEADER = "scope,family,holding_days,currency,first_date,last_date,observations,exceedances,"
            + "expected_exceedances,coverage,kupiec_likelihood_ratio,kupiec_p_value,light,largest_excess";

    private BacktestCsv() {
    }

    static String of(BacktestReport report) {
        return Stream.concat(Stream.of(HEADER),
                        Stream.concat(report.ccp().stream(), report.families().stream()).map(BacktestCsv::line))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String line(BacktestLine l) {
        return String.join(",", l.scope(), quoted(l.family()), String.valueOf(l.holdingDays()),
                l.currency(), text(l.firstDate()), text(l.lastDate()), String.valueOf(l.observations()),
                String.valueOf(l.exceedances()), String.valueOf(l.expectedExceedances()),
                String.valueOf(l.coverage()), String.valueOf(l.kupiecLikelihoodRatio()),
                String.valueOf(l.kupiecPValue()), l.light(), l.largestExcess().toPlainString());
    }

    /** A family as a CSV field: quoted (RFC 4180) should a symbol ever hold a comma, a quote or a line break. */
    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
