package io.computeclearing.clearing.trade;

import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.clearing.day.BusinessDays;
import io.computeclearing.platform.accounts.KnownAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads a batch's {@link CaptureContext} in four queries, and holds the instruments a trade is booked in. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaptureContextLoader {

    private final EntityManager em;
    private final BusinessDays businessDays;

    public CaptureContextLoader(EntityManager em, BusinessDays businessDays) {
        this.em = em;
        this.businessDays = businessDays;
    }

    public CaptureContext load(Collection<TradeSubmission> batch) {
        var submissions = batch.stream().filter(Objects::nonNull).toList();
        Set<String> instrumentIds = distinct(submissions.stream().map(TradeSubmission::instrumentId));
        Set<String> accountIds = distinct(submissions.stream()
                .flatMap(s -> Stream.of(s.buyerAccountId(), s.sellerAccountId())));
        Set<String> exchangeTradeIds = distinct(submissions.stream().map(TradeSubmission::exchangeTradeId));

        Map<String, Instrument> instruments = holdInstruments(instrumentIds);
        Map<String, KnownAccount> accounts = byId(accountIds, ids -> em.createQuery(
                        "from KnownAccount a where a.id in :ids", KnownAccount.class)
                .setParameter("ids", ids).getResultList(), a -> a.id);
        // A transfer trade's id is the CCP's own (the rules refuse its prefix): it is never an earlier submission.
        Map<String, Trade> cleared = byId(exchangeTradeIds, ids -> em.createQuery(
                        "select distinct t from Trade t left join fetch t.legs where t.exchangeTradeId in :ids "
                                + "and t.transferId is null", Trade.class)
                .setParameter("ids", ids).getResultList(), t -> t.exchangeTradeId);
        var openDays = businessDays.holdOpen(distinct(submissions.stream().map(TradeSubmission::businessDate)));
        return new CaptureContext(instruments, accounts, openDays, cleared);
    }

    /**
     * The listed instruments among {@code ids}, held in share mode until the transaction commits (in id order, like
     * every status writer): a final settlement waits for it, so nothing lands in an instrument after its positions
     * were closed.
     */
    public Map<String, Instrument> holdInstruments(Set<String> ids) {
        return byId(ids, some -> em.createQuery(
                        "from Instrument i join fetch i.family where i.id in :ids order by i.id", Instrument.class)
                .setParameter("ids", some).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList(), i -> i.id);
    }

    private static <T> Set<T> distinct(Stream<T> values) {
        return values.filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static <T> Map<String, T> byId(Set<String> ids, Function<Set<String>, List<T>> query,
                                           Function<T, String> id) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return query.apply(ids).stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
