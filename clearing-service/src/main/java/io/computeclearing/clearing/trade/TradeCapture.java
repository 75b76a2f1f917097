package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.position.PositionKeeping;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.problem.Problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clears reported trades, whatever channel they came in by (JSON, FIXML): validates each against {@link TradeRules},
 * novates the good ones into two legs, applies the legs to positions and records a TradeCleared per leg and a
 * PositionChanged per changed position, all in the caller's transaction (one per batch). Idempotent on the exchange
 * trade id. The batch's reference data is read up front in a few queries, trades and legs are inserted in JDBC
 * batches and positions in one statement, so the cost per trade stays small.
 */
@ApplicationScoped
@Transactional
public class TradeCapture {

    private final EntityManager em;
    private final CaptureContextLoader contexts;
    private final PositionKeeping positions;
    private final TradeEvents events;
    private final Clock clock;

    public TradeCapture(EntityManager em, CaptureContextLoader contexts, PositionKeeping positions,
                        TradeEvents events, Clock clock) {
        this.em = em;
        this.contexts = contexts;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One outcome per submission, in order. Accepted trades are written with their effects; rejected ones write
     * nothing. A null element is rejected. Within a batch, a repeated exchange trade id is treated like a resubmission
     * of the earlier one.
     */
    public List<CaptureOutcome> capture(List<TradeSubmission> submissions) {
        CaptureContext context = contexts.load(submissions);
        Map<String, Trade> cleared = new HashMap<>(context.cleared());
        Instant now = clock.instant();
        List<CaptureOutcome> outcomes = new ArrayList<>(submissions.size());
        List<Trade> accepted = new ArrayList<>();
        for (TradeSubmission submission : submissions) {
            if (submission == null) {
                outcomes.add(CaptureOutcome.rejected(null, List.of(new Violation("trade", "is required"))));
                continue;
            }
            Trade earlier = submission.exchangeTradeId() == null ? null : cleared.get(submission.exchangeTradeId());
            if (earlier != null) {
                List<String> differences = earlier.differencesFrom(submission);
                outcomes.add(differences.isEmpty() ? CaptureOutcome.duplicate(earlier)
                        : CaptureOutcome.conflict(earlier, differences));
                continue;
            }
            List<Violation> violations = TradeRules.check(submission, context);
            if (!violations.isEmpty()) {
                outcomes.add(CaptureOutcome.rejected(submission.exchangeTradeId(), violations));
                continue;
            }
            Trade trade = Novation.novate(submission, context.instruments().get(submission.instrumentId()),
                    context.accounts().get(submission.buyerAccountId()),
                    context.accounts().get(submission.sellerAccountId()), now);
            accepted.add(trade);
            cleared.put(trade.exchangeTradeId, trade);
            outcomes.add(CaptureOutcome.accepted(trade));
        }
        if (!accepted.isEmpty()) {
            clear(accepted, context.accounts());
        }
        return outcomes;
    }

    /**
     * Books trades that passed their rules (novated ones, or default management's transfer trades) in the caller's
     * transaction: writes trades, then legs (so each kind goes out in JDBC batches), then positions, then a
     * TradeCleared per leg. Trades go in exchange trade id order, so two batches that share ids meet on the unique
     * index in the same order: the later one fails (see {@link ConcurrentSubmission}) instead of both deadlocking.
     * {@code accounts}: the directory's view of every account the legs name.
     */
    public void clear(List<Trade> trades, Map<String, KnownAccount> accounts) {
        trades.sort(Comparator.comparing(trade -> trade.exchangeTradeId));
        List<TradeLeg> legs = new ArrayList<>(trades.size() * 2);
        for (Trade trade : trades) {
            em.persist(trade);
            legs.addAll(trade.legs);
        }
        for (TradeLeg leg : legs) {
            em.persist(leg);
        }
        em.flush();
        positions.apply(legs, accounts);
        events.cleared(trades);
    }
}
