package io.computeclearing.risk.defaults;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Hedging trades the default manager agrees with a willing member before the auction: a new trade between an account
 * of the defaulter and the member's account, at an agreed price. Its cost against the last settlement price
 * ({@code quantity x (settlement - price) x unit}, what the member gains at once) is part of the close-out loss.
 */
@ApplicationScoped
public class Hedges {

    private final EntityManager em;
    private final DefaultCaseLocks locks;
    private final AccountDirectory directory;
    private final DefaultPortfolio portfolio;
    private final DefaultTransfers transfers;

    public Hedges(EntityManager em, DefaultCaseLocks locks, AccountDirectory directory, DefaultPortfolio portfolio,
                  DefaultTransfers transfers) {
        this.em = em;
        this.locks = locks;
        this.directory = directory;
        this.portfolio = portfolio;
        this.transfers = transfers;
    }

    /**
     * Enters a hedge: the member's {@code counterpartyAccountId} buys {@code quantity} contracts (negative: sells)
     * from the defaulter's {@code accountId} at {@code price}. 409 unless the default is declared or when the
     * instrument has no settlement price of the last end of day; 422 for an account that is not the defaulter's, a
     * counterparty account that takes no business or is the defaulter's, or a price whose value is not whole cents.
     */
    @Transactional
    public DefaultTransfer enter(long defaultId, String accountId, String counterpartyAccountId, String instrumentId,
                                 long quantity, BigDecimal price, String by) {
        DefaultCase c = locks.declared(defaultId);
        KnownAccount account = directory.find(accountId).filter(a -> a.memberId.equals(c.memberId))
                .orElseThrow(() -> refused("account '" + accountId + "' is not an account of defaulter "
                        + c.memberId));
        KnownAccount counterparty = directory.find(counterpartyAccountId)
                .filter(a -> !a.memberId.equals(c.memberId) && a.acceptsBusiness())
                .orElseThrow(() -> refused("account '" + counterpartyAccountId + "' cannot take a hedge: it must "
                        + "be an active account of an active member other than the defaulter"));
        LocalDate priceDate = portfolio.priceDate();
        DefaultPortfolio.Priced instrument = portfolio.priced(instrumentId, priceDate);
        BigDecimal value = BigDecimal.valueOf(quantity).multiply(instrument.settlementPrice().subtract(price))
                .multiply(instrument.contractUnit());
        if (value.stripTrailingZeros().scale() > 2) {
            throw refused("at " + price.toPlainString() + " the hedge is worth " + value.toPlainString() + " "
                    + instrument.currency() + " against the settlement price: a price must give whole cents");
        }
        long hedges = em.createQuery("select count(t) from DefaultTransfer t where t.defaultId = :d "
                + "and t.purpose = :hedge", Long.class).setParameter("d", defaultId)
                .setParameter("hedge", TransferPurpose.HEDGE).getSingleResult();
        return transfers.instruct("D" + defaultId + "-H" + (hedges + 1), defaultId, TransferPurpose.HEDGE,
                account.id, c.memberId, counterparty.id, counterparty.memberId, priceDate,
                List.of(DefaultTransfer.Leg.of(instrumentId, quantity, price, instrument.settlementPrice(),
                        instrument.currency(), instrument.contractUnit())), by);
    }

    private static ProblemException refused(String detail) {
        return ProblemException.refused("hedge-refused", "Hedge refused", detail);
    }
}
