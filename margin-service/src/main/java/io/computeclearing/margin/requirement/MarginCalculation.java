package io.computeclearing.margin.requirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.margin.position.AccountPosition;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.margin.MarginEvents;
import io.computeclearing.platform.events.margin.MarginEvents.CommodityCharge;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Recomputes an account's SPAN requirement from all its positions ({@link PortfolioMargining}), stores it and
 * publishes {@code MarginRequirementCalculated}, with the breakdown per combined commodity, through the outbox in the
 * caller's transaction.
 * <p>
 * An account not (yet) in the account directory is margined as a HOUSE account (net, HOUSE ratio) and a warning is
 * logged, so the requirement is never missing; it is recomputed with its own type at its next change.
 * <p>
 * Concurrency: position changes, settlement prices and parameter changes recompute accounts from different threads;
 * each recomputation first takes a transaction-scoped advisory lock on the account, and batches take them in account
 * order, so two transactions never interleave on one account nor deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MarginCalculation {

    private static final Logger LOG = Logger.getLogger(MarginCalculation.class);

    private final PortfolioMargining margining;
    private final AccountDirectory directory;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Clock clock;

    public MarginCalculation(PortfolioMargining margining, AccountDirectory directory, Outbox outbox,
                             ObjectMapper json, EntityManager em, Clock clock) {
        this.margining = margining;
        this.directory = directory;
        this.outbox = outbox;
        this.json = json;
        this.em = em;
        this.clock = clock;
    }

    /** Recomputes, stores and publishes the whole requirement of the account with the parameters in force today. */
    public void recompute(String accountId) {
        recompute(accountId, LocalDate.now(clock));
    }

    /** Recomputes every one of the accounts, in account order; returns how many. */
    public int recomputeAll(Collection<String> accountIds, LocalDate asOf) {
        TreeSet<String> ordered = new TreeSet<>(accountIds);
        PortfolioMargining.ParametersInForce inForce = margining.parametersOn(asOf);
        ordered.forEach(accountId -> recompute(accountId, inForce));
        return ordered.size();
    }

    /** Recomputes, stores and publishes the account's requirement with the parameters in force on {@code asOf}. */
    public void recompute(String accountId, LocalDate asOf) {
        recompute(accountId, margining.parametersOn(asOf));
    }

    /**
     * Recomputes the account for a settlement cycle, at the cycle's prices, and publishes the requirement with the
     * cycle id: account-service calls margin from it and the cycle's postings together.
     */
    public void recomputeForCycle(String accountId, String cycleId, CycleMarks marks) {
        recompute(accountId, margining.parametersOn(LocalDate.now(clock)), marks, cycleId);
    }

    private void recompute(String accountId, PortfolioMargining.ParametersInForce inForce) {
        recompute(accountId, inForce, CycleMarks.NONE, null);
    }

    private void recompute(String accountId, PortfolioMargining.ParametersInForce inForce, CycleMarks marks,
                           String cycleId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:account))")
                .setParameter("account", accountId).getSingleResult();
        KnownAccount.AccountType accountType = accountType(accountId);
        List<Holding> holdings = AccountPosition.ofAccount(accountId).stream()
                .map(p -> new Holding(p.instrumentId, p.longQuantity, p.shortQuantity)).toList();
        List<CurrencyMargin> margins = margining.margin(holdings, accountType, inForce, marks);

        Instant calculatedAt = clock.instant();
        AccountMargin.delete("accountId", accountId);
        em.flush();
        List<CurrencyRequirement> requirements = new ArrayList<>();
        List<CommodityCharge> breakdown = new ArrayList<>();
        for (CurrencyMargin margin : margins) {
            AccountMargin row = new AccountMargin();
            row.accountId = accountId;
            row.currency = margin.currency();
            row.initialMargin = margin.initialMargin();
            row.maintenanceMargin = margin.maintenanceMargin();
            row.calculatedAt = calculatedAt;
            row.breakdown = toJson(margin.commodities());
            row.charges = toJson(margin.charges());
            row.persist();
            requirements.add(margin.requirement());
            breakdown.addAll(margin.charges());
        }
        outbox.record(MarginEvents.MARGIN_REQUIREMENT_CALCULATED, accountId,
                new MarginRequirementCalculated(accountId, calculatedAt, requirements, breakdown, cycleId));
    }

    /** The accounts holding (long or short) any of the instruments. */
    public List<String> holders(Collection<String> instrumentIds) {
        if (instrumentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select distinct p.accountId from AccountPosition p where p.instrumentId in :ids
                        and (p.longQuantity <> 0 or p.shortQuantity <> 0) order by p.accountId""", String.class)
                .setParameter("ids", instrumentIds).getResultList();
    }

    /** The accounts holding any contract month of the family. */
    public List<String> holdersOfFamily(String family) {
        return em.createQuery("""
                        select distinct p.accountId from AccountPosition p where p.instrumentId like :prefix
                        and (p.longQuantity <> 0 or p.shortQuantity <> 0) order by p.accountId""", String.class)
                .setParameter("prefix", family + "-%").getResultList();
    }

    /** The account's type in the directory; HOUSE, with a warning, for an account not yet known. */
    public KnownAccount.AccountType accountType(String accountId) {
        return directory.find(accountId).map(a -> a.accountType).orElseGet(() -> {
            LOG.warnf("account %s is not in the account directory: margined as a HOUSE account", accountId);
            return KnownAccount.AccountType.HOUSE;
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("margin breakdown cannot be written as JSON", e);
        }
    }
}
