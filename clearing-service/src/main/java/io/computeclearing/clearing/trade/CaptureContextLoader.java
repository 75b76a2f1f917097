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

/** Loads a batch's {@link CaptureContext} in four queries. */
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

        // Held in share mode until the batch commits (in id order, like every status writer): a final settlement
        // waits for the batch, so no trade lands in an instrument after its positions were closed.
        Map<String, Instrument> instruments = byId(instrumentIds, ids -> em.createQuery(
                        "from Instrument i join fetch i.family where i.id in :ids order by i.id", Instrument.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_READ).getResultList(), i -> i.id);
        Map<String, KnownAccount> accounts = byId(accountIds, ids -> em.createQuery(
                        "from KnownAccount a where a.id in :ids", KnownAccount.class)
                .setParameter("ids", ids).getResultList(), a -> a.id);
        Map<String, Trade> cleared = byId(exchangeTradeIds, ids -> em.createQuery(
                        "select distinct t from Trade t left join fetch t.legs where t.exchangeTradeId in :ids", Trade.class)
                .setParameter("ids", ids).getResultList(), t -> t.exchangeTradeId);
        var openDays = businessDays.holdOpen(distinct(submissions.stream().map(TradeSubmission::businessDate)));
        return new CaptureContext(instruments, accounts, openDays, cleared);
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
