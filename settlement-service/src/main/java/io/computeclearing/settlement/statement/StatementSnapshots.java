package io.computeclearing.settlement.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.persistence.SqlValues;
import io.computeclearing.settlement.run.SettledLine;
import io.computeclearing.settlement.run.IntradayCycles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Produces the statements of a run, one per account that had positions or trades and per account in the directory,
 * and keeps them as they were: a statement read later shows what the run saw, whatever has arrived since.
 */
@ApplicationScoped
@Transactional
public class StatementSnapshots {

    private static final String VARIATION_MARGIN = "VARIATION_MARGIN";

    private final EntityManager em;
    private final AccountDirectory directory;
    private final ObjectMapper json;
    private final IntradayCycles cycles;

    public StatementSnapshots(EntityManager em, AccountDirectory directory, ObjectMapper json,
                              IntradayCycles cycles) {
        this.em = em;
        this.directory = directory;
        this.json = json;
        this.cycles = cycles;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshot(LocalDate businessDate, List<SettledLine> lines, Instant at) {
        Map<String, List<SettledLine>> byAccount = new TreeMap<>();
        Map<String, String> members = new TreeMap<>();
        for (KnownAccount account : directory.list(Optional.empty())) {
            byAccount.put(account.id, new ArrayList<>());
            members.put(account.id, account.memberId);
        }
        for (SettledLine line : lines) {
            byAccount.computeIfAbsent(line.flow().accountId(), k -> new ArrayList<>()).add(line);
            members.putIfAbsent(line.flow().accountId(), line.flow().memberId());
        }
        byAccount.forEach((accountId, accountLines) -> store(statement(accountId, members.get(accountId),
                businessDate, accountLines, at)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountStatement> find(String accountId, LocalDate businessDate) {
        List<?> bodies = em.createNativeQuery(
                        "select body from account_statement where account_id = :account and business_date = :date")
                .setParameter("account", accountId).setParameter("date", businessDate).getResultList();
        if (bodies.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue((String) bodies.getFirst(), AccountStatement.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement of " + accountId + " for " + businessDate + " is unreadable", e);
        }
    }

    private AccountStatement statement(String accountId, String memberId, LocalDate businessDate,
                                       List<SettledLine> lines, Instant at) {
        List<AccountStatement.Position> positions = new ArrayList<>();
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (SettledLine line : lines) {
            boolean vm = VARIATION_MARGIN.equals(line.kind());
            BigDecimal zero = BigDecimal.ZERO.setScale(line.amount().scale());
            positions.add(new AccountStatement.Position(line.flow().instrumentId(), line.currency(),
                    line.flow().startOfDay(), line.flow().bought(), line.flow().sold(), line.flow().endOfDay(),
                    line.previousPrice(), line.settlementPrice(), vm ? "DAILY" : "FINAL",
                    vm ? line.amount() : zero, vm ? zero : line.amount()));
            BigDecimal[] total = totals.computeIfAbsent(line.currency(), c -> new BigDecimal[] {zero, zero});
            total[vm ? 0 : 1] = total[vm ? 0 : 1].add(line.amount());
        }
        List<AccountStatement.CurrencyTotal> currencyTotals = totals.entrySet().stream()
                .map(e -> new AccountStatement.CurrencyTotal(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[0].add(e.getValue()[1]))).toList();
        String baseCurrency = directory.find(accountId).map(a -> a.baseCurrency).orElse(null);
        return new AccountStatement(accountId, memberId, businessDate, baseCurrency, at, positions, currencyTotals,
                initialMargin(accountId), collateral(accountId), cashMovements(accountId, businessDate),
                cycles.postingsOf(accountId, businessDate));
    }

    private List<AccountStatement.InitialMargin> initialMargin(String accountId) {
        return rows("""
                select currency, initial_margin, maintenance_margin, calculated_at from statement_margin_requirement
                where account_id = :account order by currency""", accountId, null).stream()
                .map(r -> new AccountStatement.InitialMargin((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                        SqlValues.instant(r[3]))).toList();
    }

    private AccountStatement.Collateral collateral(String accountId) {
        return rows("""
                select base_currency, collateral_value, requirement, excess, assessed_at
                from statement_collateral_assessment where account_id = :account""", accountId, null).stream()
                .map(r -> new AccountStatement.Collateral((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], SqlValues.instant(r[4]))).findFirst().orElse(null);
    }

    /** Movements recorded on the business date (UTC). */
    private List<AccountStatement.CashMovement> cashMovements(String accountId, LocalDate businessDate) {
        return rows("""
                select entry_id, movement, asset, quantity, recorded_at from statement_cash_movement
                where account_id = :account and recorded_at >= :from and recorded_at < :to
                order by recorded_at, entry_id""", accountId, businessDate).stream()
                .map(r -> new AccountStatement.CashMovement((String) r[0], (String) r[1], (String) r[2],
                        plain((BigDecimal) r[3]), SqlValues.instant(r[4]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String accountId, LocalDate businessDate) {
        var query = em.createNativeQuery(sql).setParameter("account", accountId);
        if (businessDate != null) {
            query.setParameter("from", businessDate.atStartOfDay().atOffset(ZoneOffset.UTC))
                    .setParameter("to", businessDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return query.getResultList();
    }

    private void store(AccountStatement statement) {
        try {
            em.createNativeQuery("""
                            insert into account_statement (account_id, business_date, member_id, body)
                            values (:account, :date, :member, :body)""")
                    .setParameter("account", statement.accountId()).setParameter("date", statement.businessDate())
                    .setParameter("member", statement.memberId())
                    .setParameter("body", json.writeValueAsString(statement))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the statement of " + statement.accountId(), e);
        }
    }

    /** A quantity without the storage's trailing zeros (100.5000000000 is 100.5, 100E+0 is 100). */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

}
