package io.computeclearing.settlement.run;

import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups a run's lines into one posting per kind, account and currency, and checks the CCP's book stays flat: per
 * kind and currency the amounts of all accounts sum to exactly zero, since every contract one account gains on
 * another loses. A run that breaks this is refused and logged as an error; nothing is posted.
 */
final class CashPostings {

    private static final Logger LOG = Logger.getLogger(CashPostings.class);

    private CashPostings() {
    }

    /** Every posting of the run, including those that sum to zero, in kind, account, currency order. */
    static List<CashPosting> of(LocalDate businessDate, List<SettledLine> lines) {
        return of("end-of-day run of " + businessDate, businessDate, "", lines);
    }

    /**
     * The postings of a settlement cycle ({@code cycle} names it in a refusal), with {@code idSuffix} after each
     * posting's {@code kind:businessDate:accountId:currency} id (an intraday cycle's ":INTRADAY-n").
     */
    static List<CashPosting> of(String cycle, LocalDate businessDate, String idSuffix, List<SettledLine> lines) {
        Map<String, List<SettledLine>> grouped = new TreeMap<>();
        for (SettledLine line : lines) {
            String id = CashPosting.id(line.kind(), businessDate, line.flow().accountId(), line.currency()) + idSuffix;
            grouped.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
        }
        List<CashPosting> postings = new ArrayList<>();
        grouped.forEach((id, group) -> {
            SettledLine first = group.getFirst();
            BigDecimal amount = group.stream().map(SettledLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            postings.add(new CashPosting(id, first.kind(), businessDate, first.flow().accountId(),
                    first.flow().memberId(), first.currency(), amount, List.copyOf(group)));
        });
        requireZeroSum(cycle, postings);
        return postings;
    }

    private static void requireZeroSum(String cycle, List<CashPosting> postings) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (CashPosting posting : postings) {
            sums.merge(posting.kind() + " " + posting.currency(), posting.amount(), BigDecimal::add);
        }
        List<String> broken = sums.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> e.getKey() + " sums to " + e.getValue().toPlainString()).toList();
        if (!broken.isEmpty()) {
            String detail = cycle + " refused: " + String.join(", ", broken)
                    + " over all accounts instead of zero";
            LOG.error(detail);
            throw RunRefusal.notZeroSum(detail);
        }
    }
}
