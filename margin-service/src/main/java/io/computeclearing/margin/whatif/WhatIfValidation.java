package io.computeclearing.margin.whatif;

import io.computeclearing.margin.instrument.ListedInstrument;
import io.computeclearing.margin.parameters.RiskParameters;
import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.margin.prices.FinalSettlement;
import io.computeclearing.margin.requirement.Holding;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.Problem;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a what-if query must meet, checked all at once so that the 422 problem names every field at fault:
 * instruments listed by clearing (or held in an account), not expired or settled, of a family with risk parameters in
 * force; trades BUY or SELL of more than zero contracts; portfolio lines with a non-zero net or non-negative gross
 * quantities, one line per instrument; a known account type and an ISO 4217 base currency.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatIfValidation {

    /** Stable problem type of a refused what-if query (422). */
    public static final String INVALID = "what-if-invalid";

    /** Trades or holdings per query: a what-if costs server time in proportion to them (12 s for 20,000). */
    public static final int MAX_LINES = 1000;

    /**
     * Contracts per trade or holding, either side: far above any position limit, and far from the long's ends, where
     * negating a short or adding a trade to a position would overflow.
     */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    private static final Set<String> CLOSED = Set.of("EXPIRED", "SETTLED");

    private final RiskParameters parameters;

    public WhatIfValidation(RiskParameters parameters) {
        this.parameters = parameters;
    }

    /** Refuses a query beyond the maximum size (400) before any work, even before its account is looked up. */
    public static void size(WhatIfRequest request) {
        if (request.trades() != null && request.trades().size() > MAX_LINES) {
            throw ProblemException.invalid("trades", "at most " + MAX_LINES + " trades per what-if, got "
                    + request.trades().size());
        }
        if (request.portfolio() != null && request.portfolio().size() > MAX_LINES) {
            throw ProblemException.invalid("portfolio", "at most " + MAX_LINES + " holdings per what-if, got "
                    + request.portfolio().size());
        }
    }

    /** Refuses the trades unless every one is valid. */
    public void trades(String accountId, List<WhatIfRequest.Trade> trades, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (trades == null || trades.isEmpty()) {
            violations.add(new Problem.Violation("trades", "at least one trade is required"));
        } else {
            for (int i = 0; i < trades.size(); i++) {
                WhatIfRequest.Trade t = trades.get(i);
                String field = "trades[" + i + "]";
                if (t == null) {
                    violations.add(new Problem.Violation(field, "a trade is required"));
                    continue;
                }
                instrument(violations, field + ".instrumentId", t.instrumentId(), today);
                if (!"BUY".equals(t.side()) && !"SELL".equals(t.side())) {
                    violations.add(new Problem.Violation(field + ".side", "must be BUY or SELL"));
                }
                if (t.quantity() == null || t.quantity() <= 0 || t.quantity() > MAX_QUANTITY) {
                    violations.add(new Problem.Violation(field + ".quantity", "must be a whole number of contracts"
                            + " from 1 to " + MAX_QUANTITY));
                }
            }
        }
        refuseIf(violations, "The what-if margin of " + accountId + " was not computed");
    }

    /** A portfolio query's account type, base currency and holdings by instrument; refused unless all are valid. */
    public Portfolio portfolio(List<WhatIfRequest.PortfolioLine> lines, String accountType, String baseCurrency,
                               LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        KnownAccount.AccountType type = accountType(violations, accountType);
        if (baseCurrency == null || !baseCurrency.matches("[A-Z]{3}") || !isIsoCurrency(baseCurrency)) {
            violations.add(new Problem.Violation("baseCurrency", "must be an ISO 4217 code such as USD"));
        }
        Map<String, Holding> holdings = new LinkedHashMap<>();
        if (lines == null || lines.isEmpty()) {
            violations.add(new Problem.Violation("portfolio", "at least one holding is required"));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                WhatIfRequest.PortfolioLine line = lines.get(i);
                String field = "portfolio[" + i + "]";
                if (line == null) {
                    violations.add(new Problem.Violation(field, "a holding is required"));
                    continue;
                }
                boolean known = instrument(violations, field + ".instrumentId", line.instrumentId(), today);
                if (known && holdings.containsKey(line.instrumentId())) {
                    violations.add(new Problem.Violation(field + ".instrumentId", line.instrumentId()
                            + " is listed twice: give one line per instrument"));
                }
                Holding h = holding(violations, field, line);
                if (known && h != null) {
                    holdings.putIfAbsent(line.instrumentId(), h);
                }
            }
        }
        refuseIf(violations, "The what-if margin of the portfolio was not computed");
        return new Portfolio(type, holdings);
    }

    /** A valid portfolio query: the account type and the gross holdings by instrument. */
    public record Portfolio(KnownAccount.AccountType accountType, Map<String, Holding> holdings) {
    }

    private static Holding holding(List<Problem.Violation> violations, String field,
                                   WhatIfRequest.PortfolioLine line) {
        boolean gross = line.longQuantity() != null || line.shortQuantity() != null;
        if (line.netQuantity() != null && gross) {
            violations.add(new Problem.Violation(field, "give either netQuantity or longQuantity/shortQuantity,"
                    + " not both"));
            return null;
        }
        if (line.netQuantity() != null) {
            if (line.netQuantity() == 0 || Math.abs((double) line.netQuantity()) > MAX_QUANTITY) {
                violations.add(new Problem.Violation(field + ".netQuantity", "must not be zero, and from -"
                        + MAX_QUANTITY + " to " + MAX_QUANTITY));
                return null;
            }
            return Holding.net(line.instrumentId() == null ? "?" : line.instrumentId(), line.netQuantity());
        }
        long longs = line.longQuantity() == null ? 0 : line.longQuantity();
        long shorts = line.shortQuantity() == null ? 0 : line.shortQuantity();
        if (longs < 0 || shorts < 0 || longs > MAX_QUANTITY || shorts > MAX_QUANTITY) {
            boolean longWrong = longs < 0 || longs > MAX_QUANTITY;
            violations.add(new Problem.Violation(field + (longWrong ? ".longQuantity" : ".shortQuantity"),
                    "must be from 0 to " + MAX_QUANTITY));
            return null;
        }
        if (longs == 0 && shorts == 0) {
            violations.add(new Problem.Violation(field + ".netQuantity", "a quantity is required (netQuantity,"
                    + " or longQuantity/shortQuantity)"));
            return null;
        }
        return new Holding(line.instrumentId() == null ? "?" : line.instrumentId(), longs, shorts);
    }

    /**
     * Whether the instrument may be margined: a contract month clearing listed (or one an account holds) that is not
     * expired or finally settled, of a family with risk parameters in force.
     */
    private boolean instrument(List<Problem.Violation> violations, String field, String instrumentId,
                               LocalDate today) {
        if (instrumentId == null || instrumentId.isBlank()) {
            violations.add(new Problem.Violation(field, "an instrument id such as GH100-202701 is required"));
            return false;
        }
        ListedInstrument listed = ListedInstrument.findById(instrumentId);
        boolean held = listed == null && AccountPosition.count("instrumentId", instrumentId) > 0;
        if (listed == null && !held) {
            violations.add(new Problem.Violation(field, instrumentId + " is not a listed instrument"));
            return false;
        }
        if ((listed != null && CLOSED.contains(listed.status)) || FinalSettlement.findById(instrumentId) != null) {
            violations.add(new Problem.Violation(field, instrumentId + " has expired and cannot be traded"));
            return false;
        }
        String family = new Holding(instrumentId, 0, 0).family();
        if (parameters.inForce(family, today).isEmpty()) {
            violations.add(new Problem.Violation(field, "no risk parameters are in force for " + family));
            return false;
        }
        return true;
    }

    private static KnownAccount.AccountType accountType(List<Problem.Violation> violations, String accountType) {
        try {
            return KnownAccount.AccountType.valueOf(String.valueOf(accountType));
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("accountType",
                    "must be HOUSE, CLIENT_OMNIBUS or CLIENT_SEGREGATED"));
            return null;
        }
    }

    private static void refuseIf(List<Problem.Violation> violations, String what) {
        if (!violations.isEmpty()) {
            throw new ProblemException(422, INVALID, "What-if margin refused", what + ": " + violations.size()
                    + " field(s) are invalid: " + violations.getFirst().field() + " "
                    + violations.getFirst().message() + (violations.size() > 1 ? ", ..." : "."), violations);
        }
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
