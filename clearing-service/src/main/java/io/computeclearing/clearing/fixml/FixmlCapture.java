package io.computeclearing.clearing.fixml;

import io.computeclearing.clearing.fixml.FixmlCaptureResult.Item;
import io.computeclearing.clearing.fixml.FixmlCaptureResult.Status;
import io.computeclearing.clearing.trade.CaptureOutcome;
import io.computeclearing.clearing.trade.Trade;
import io.computeclearing.clearing.trade.TradeBusts;
import io.computeclearing.clearing.trade.TradeCapture;
import io.computeclearing.clearing.trade.TradeSubmission;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.problem.Problem.Violation;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Acts on the reports of a FIXML document. The usable NEW reports are cleared together through {@link TradeCapture},
 * in one transaction, exactly as a JSON batch; then each CANCEL busts and each REPLACE corrects the trade its
 * exchange trade id stands for, in document order, each in a transaction of its own (one refused cancel does not
 * undo the others). A report whose accounts do not belong to the clearing firms it names ({@code Pty R="4"}) is
 * rejected before anything is written.
 */
@ApplicationScoped
public class FixmlCapture {

    private final FixmlTradeCaptureReader reader = new FixmlTradeCaptureReader();
    private final TradeCapture capture;
    private final TradeBusts busts;
    private final AccountDirectory directory;

    public FixmlCapture(TradeCapture capture, TradeBusts busts, AccountDirectory directory) {
        this.capture = capture;
        this.busts = busts;
        this.directory = directory;
    }

    /** One result per report, in document order. A document that cannot be read fails with a 400, writing nothing. */
    public FixmlCaptureResult capture(InputStream document) {
        List<FixmlTradeReport> reports;
        try {
            reports = reader.read(document);
        } catch (FixmlException e) {
            throw new ProblemException(400, "malformed-fixml", "Malformed FIXML", e.getMessage(),
                    List.of(new Violation("document", e.getMessage())));
        }
        Item[] items = new Item[reports.size()];
        List<FixmlTradeReport> fresh = new ArrayList<>();
        for (FixmlTradeReport report : reports) {
            List<Violation> violations = violations(report);
            if (!violations.isEmpty()) {
                items[report.position() - 1] = Item.rejected(report, violations);
            } else if (report.transactionType() == FixmlTradeReport.TransactionType.NEW) {
                fresh.add(report);
            }
        }
        if (!fresh.isEmpty()) {
            List<CaptureOutcome> outcomes = capture.capture(fresh.stream().map(FixmlTradeReport::trade).toList());
            for (int i = 0; i < fresh.size(); i++) {
                items[fresh.get(i).position() - 1] = item(fresh.get(i), outcomes.get(i));
            }
        }
        for (FixmlTradeReport report : reports) {
            if (items[report.position() - 1] == null) {
                items[report.position() - 1] = adjust(report);
            }
        }
        return FixmlCaptureResult.of(Arrays.asList(items));
    }

    private static Item item(FixmlTradeReport report, CaptureOutcome outcome) {
        return switch (outcome.status()) {
            case ACCEPTED -> Item.of(report, Status.ACCEPTED, outcome.trade().id, null);
            case DUPLICATE -> Item.of(report, Status.DUPLICATE, outcome.trade().id, null);
            case REJECTED -> Item.rejected(report, outcome.violations());
        };
    }

    /** CANCEL busts, REPLACE corrects; a refusal (window closed, busted, replacement breaks a rule) is REJECTED. */
    private Item adjust(FixmlTradeReport report) {
        String exchangeTradeId = report.trade().exchangeTradeId();
        Optional<Trade> current = busts.current(exchangeTradeId);
        if (current.isEmpty()) {
            return Item.rejected(report, List.of(new Violation("TrdID",
                    "no trade was cleared under exchange trade id '" + exchangeTradeId + "'")));
        }
        Trade trade = current.get();
        boolean cancel = report.transactionType() == FixmlTradeReport.TransactionType.CANCEL;
        try {
            if (cancel) {
                if (trade.status == Trade.Status.BUSTED) {
                    return Item.of(report, Status.DUPLICATE, trade.id, null);
                }
                busts.bust(trade.id, "FIXML cancel " + report.reportId());
                return Item.of(report, Status.BUSTED, trade.id, null);
            }
            if (trade.status == Trade.Status.CLEARED && trade.differencesFrom(report.trade()).isEmpty()) {
                return Item.of(report, Status.DUPLICATE, trade.id, trade.correctsTradeId);
            }
            Trade corrected = busts.correct(trade.id, report.trade(), "FIXML replace " + report.reportId()).corrected();
            return Item.of(report, Status.CORRECTED, corrected.id, trade.id);
        } catch (ProblemException e) {
            List<Violation> violations = e.toProblem(null).violations();
            return Item.rejected(report, violations == null || violations.isEmpty()
                    ? List.of(new Violation("TrdID", e.getMessage())) : violations);
        }
    }

    /** The reader's problems, then the clearing-firm cross-check. */
    private List<Violation> violations(FixmlTradeReport report) {
        List<Violation> violations = new ArrayList<>(report.problems().stream()
                .map(p -> new Violation(p.field(), p.message())).toList());
        if (!violations.isEmpty()) {
            return violations;
        }
        TradeSubmission trade = report.trade();
        firm(trade.buyerAccountId(), report.buyClearingFirmId(), "buyerAccountId").ifPresent(violations::add);
        firm(trade.sellerAccountId(), report.sellClearingFirmId(), "sellerAccountId").ifPresent(violations::add);
        return violations;
    }

    /** The account must belong to the clearing firm the report names on its side, when it names one. */
    private Optional<Violation> firm(String accountId, String clearingFirmId, String field) {
        if (accountId == null || clearingFirmId == null) {
            return Optional.empty();
        }
        return directory.find(accountId).map(account -> account.memberId)
                .filter(member -> !member.equals(clearingFirmId))
                .map(member -> new Violation(field, "account '" + accountId + "' belongs to member " + member
                        + ", not to clearing firm " + clearingFirmId + " named for this side (Pty R=\"4\")"));
    }
}
