package io.computeclearing.account.cover;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.margincall.MarginCalls;
import io.computeclearing.account.valuation.AccountValuation;
import io.computeclearing.account.valuation.MissingMarketData;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.outbox.Outbox;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Assesses an account's cover after every change to its collateral or requirement: collateral value after haircuts
 * against initial margin, in the base currency ({@link io.computeclearing.account.valuation.CollateralValuer} states the
 * rules). Keeps the latest assessment per account, publishes CollateralAssessed and lets {@link MarginCalls} act on
 * it (between settlement cycles: settle a call, report a deficit), all in the transaction of the change. An account
 * that cannot be valued (a price or FX rate never recorded) is
 * not assessed: the change still goes through and the previous assessment stays, with a warning in the log.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CoverAssessments {

    private static final Logger LOG = Logger.getLogger(CoverAssessments.class);

    private final CollateralValuation valuation;
    private final MarginCalls marginCalls;
    private final Outbox outbox;
    private final Clock clock;

    public CoverAssessments(CollateralValuation valuation, MarginCalls marginCalls, Outbox outbox, Clock clock) {
        this.valuation = valuation;
        this.marginCalls = marginCalls;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Assesses the account; the caller holds its lock. Empty if it cannot be valued now. */
    public Optional<CoverAssessment> assess(Account account, CoverAssessment.Cause cause) {
        AccountValuation now;
        try {
            now = valuation.current(account);
        } catch (MissingMarketData e) {
            LOG.warnf("account %s not assessed after %s: %s", account.id, cause, e.getMessage());
            return Optional.empty();
        }
        CoverAssessment previous = CoverAssessment.findById(account.id);
        BigDecimal previousExcess = previous == null ? null : previous.excess;
        CoverAssessment cover = previous == null ? new CoverAssessment() : previous;
        cover.accountId = account.id;
        cover.baseCurrency = account.baseCurrency;
        cover.collateralValue = now.collateralValue();
        cover.requirement = now.marginRequirement();
        cover.excess = now.excess();
        cover.cause = cause;
        cover.assessedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (previous == null) {
            cover.persist();
        }
        outbox.record(AccountEvents.COLLATERAL_ASSESSED, account.id, new AccountEvents.CollateralAssessed(account.id,
                account.memberId, cover.baseCurrency, cover.collateralValue, cover.requirement, cover.excess,
                cover.assessedAt));
        marginCalls.review(account, cover, previousExcess);
        return Optional.of(cover);
    }

    /** The account's latest assessment; 404 before its first one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CoverAssessment latest(Account account) {
        CoverAssessment cover = CoverAssessment.findById(account.id);
        if (cover == null) {
            throw new ProblemException(404, "not-assessed", "Cover not assessed yet", "account '" + account.id
                    + "' has not been assessed yet: it is assessed after each deposit, withdrawal, settlement posting, "
                    + "margin requirement, porting and default waterfall", List.of());
        }
        return cover;
    }
}
