package io.computeclearing.clearing.position;

import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.PositionChanged;
import io.computeclearing.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies legs to positions and publishes each changed position. One statement per batch: the legs are aggregated
 * per account and instrument in memory, then upserted together in a fixed order (account, instrument), so two batches
 * touching the same positions lock them in the same order and never deadlock. Reversal legs (busts, give-ups) take
 * contracts back out of existing rows; their rows are locked in the same order first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PositionKeeping {

    /**
     * Netting rows: new net = old net + (long part - short part), split again into long or short. Gross rows add
     * both parts. The first parameter is the business time the rows are stamped with; the rows arrive as arrays (one
     * parameter each, whatever the batch size) in lock order.
     */
    private static final String UPSERT = """
            insert into position as p (account_id, instrument_id, member_id, gross, long_quantity, short_quantity,
                                       version, business_date, updated_at)
            select d.account_id, d.instrument_id, d.member_id, d.gross, d.long_part, d.short_part, 1, d.business_date,
                   ?::timestamptz
            from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[], ?::bigint[], ?::date[])
                 with ordinality as d(account_id, instrument_id, member_id, gross, long_part, short_part, business_date, n)
            order by d.n
            on conflict (account_id, instrument_id) do update set
                long_quantity = case when p.gross then p.long_quantity + excluded.long_quantity
                    else greatest(p.long_quantity - p.short_quantity + excluded.long_quantity - excluded.short_quantity, 0) end,
                short_quantity = case when p.gross then p.short_quantity + excluded.short_quantity
                    else greatest(p.short_quantity - p.long_quantity + excluded.short_quantity - excluded.long_quantity, 0) end,
                version = p.version + 1,
                business_date = greatest(p.business_date, excluded.business_date),
                updated_at = excluded.updated_at
            returning account_id, member_id, instrument_id, long_quantity, short_quantity, version, business_date""";

    /**
     * Reductions (a bust or give-up taking contracts back out of a bucket: a negative long or short part) update the
     * existing row; they cannot go through the upsert, whose proposed row must itself satisfy the table's checks.
     */
    private static final String REDUCE = """
            update position as p set
                long_quantity = case when p.gross then p.long_quantity + d.long_part
                    else greatest(p.long_quantity - p.short_quantity + d.long_part - d.short_part, 0) end,
                short_quantity = case when p.gross then p.short_quantity + d.short_part
                    else greatest(p.short_quantity - p.long_quantity + d.short_part - d.long_part, 0) end,
                version = p.version + 1,
                business_date = greatest(p.business_date, d.business_date),
                updated_at = ?::timestamptz
            from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[], ?::bigint[], ?::date[])
                 as d(account_id, instrument_id, member_id, gross, long_part, short_part, business_date)
            where p.account_id = d.account_id and p.instrument_id = d.instrument_id
            returning p.account_id, p.member_id, p.instrument_id, p.long_quantity, p.short_quantity, p.version,
                      p.business_date""";

    /** Locks the existing rows of a change that mixes reductions and additions, in lock order, before either runs. */
    private static final String LOCK = """
            select 1 from position p
            join unnest(?::text[], ?::text[]) as d(account_id, instrument_id)
              on p.account_id = d.account_id and p.instrument_id = d.instrument_id
            order by p.account_id, p.instrument_id
            for update of p""";

    /**
     * Final settlement: every open position in the instrument goes flat, one version on, locked in (account,
     * instrument) order like every other change. Returns each as it was and as it is now.
     */
    private static final String CLOSE = """
            update position as p set long_quantity = 0, short_quantity = 0, version = p.version + 1,
                business_date = greatest(p.business_date, ?), updated_at = ?::timestamptz
            from (select account_id, instrument_id, long_quantity, short_quantity from position
                  where instrument_id = ? and (long_quantity <> 0 or short_quantity <> 0)
                  order by account_id for update) as held
            where p.account_id = held.account_id and p.instrument_id = held.instrument_id
            returning p.account_id, p.member_id, p.instrument_id, p.long_quantity, p.short_quantity, p.version,
                      p.business_date, held.long_quantity as held_long, held.short_quantity as held_short""";

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public PositionKeeping(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies the legs (accounts: the directory's view of every account they name); returns the new positions. */
    public List<PositionChanged> apply(Collection<TradeLeg> legs, Map<String, KnownAccount> accounts) {
        List<PositionDelta> deltas = PositionDelta.of(legs, accounts);
        if (deltas.isEmpty()) {
            return List.of();
        }
        List<PositionDelta> reductions = deltas.stream().filter(d -> d.longPart() < 0 || d.shortPart() < 0).toList();
        OffsetDateTime now = now();
        List<PositionChanged> changed = em.unwrap(Session.class).doReturningWork(connection -> {
            if (reductions.isEmpty()) {
                return write(connection, UPSERT, deltas, now);
            }
            lock(connection, deltas);
            List<PositionChanged> reduced = write(connection, REDUCE, reductions, now);
            if (reduced.size() != reductions.size()) {
                throw new IllegalStateException("a reversal found no position to take contracts from: " + reductions);
            }
            List<PositionDelta> additions = deltas.stream().filter(d -> !reductions.contains(d)).toList();
            List<PositionChanged> all = new ArrayList<>(reduced);
            if (!additions.isEmpty()) {
                all.addAll(write(connection, UPSERT, additions, now));
            }
            return all;
        });
        outbox.recordAll(changed.stream()
                .map(position -> Outbox.Pending.of(ClearingEvents.POSITION_CHANGED, position.accountId(), position))
                .toList());
        return changed;
    }

    /**
     * Locks the positions the accounts hold in the instruments until the transaction ends, in lock order, and returns
     * them as they stand: what a default-management transfer may take out of them, with no bust changing them before
     * its legs are applied.
     */
    public List<Position> hold(Collection<String> accountIds, Collection<String> instrumentIds) {
        return em.createNativeQuery("""
                        select * from position where account_id in (:accounts) and instrument_id in (:instruments)
                        order by account_id, instrument_id
                        for update""", Position.class)
                .setParameter("accounts", accountIds)
                .setParameter("instruments", instrumentIds)
                .getResultList();
    }

    /**
     * Closes every open position in the instrument (final settlement on {@code businessDate}) and publishes each
     * flat position, so holders of positions drop it. Positions already flat are left as they are.
     */
    public List<ClosedPosition> closeAll(String instrumentId, LocalDate businessDate) {
        List<ClosedPosition> closed = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLOSE)) {
                statement.setObject(1, businessDate);
                statement.setObject(2, now());
                statement.setString(3, instrumentId);
                List<ClosedPosition> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        PositionChanged flat = new PositionChanged(row.getString("account_id"),
                                row.getString("member_id"), row.getString("instrument_id"), 0, 0, 0,
                                row.getDate("business_date").toLocalDate(), row.getLong("version"));
                        rows.add(new ClosedPosition(flat.accountId(), flat.memberId(), row.getLong("held_long"),
                                row.getLong("held_short"), flat));
                    }
                }
                rows.sort(Comparator.comparing(ClosedPosition::accountId));
                return rows;
            }
        });
        outbox.recordAll(closed.stream()
                .map(c -> Outbox.Pending.of(ClearingEvents.POSITION_CHANGED, c.accountId(), c.closing()))
                .toList());
        return closed;
    }

    private static void lock(Connection connection, List<PositionDelta> deltas) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setArray(1, connection.createArrayOf("text",
                    deltas.stream().map(PositionDelta::accountId).toArray(String[]::new)));
            statement.setArray(2, connection.createArrayOf("text",
                    deltas.stream().map(PositionDelta::instrumentId).toArray(String[]::new)));
            statement.executeQuery().close();
        }
    }

    /** The business time positions are stamped with. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<PositionChanged> write(Connection connection, String sql, List<PositionDelta> deltas,
                                               OffsetDateTime now) throws SQLException {
        int n = deltas.size();
        String[] accounts = new String[n], instruments = new String[n], members = new String[n];
        Boolean[] gross = new Boolean[n];
        Long[] longParts = new Long[n], shortParts = new Long[n];
        String[] dates = new String[n];
        for (int i = 0; i < n; i++) {
            PositionDelta delta = deltas.get(i);
            accounts[i] = delta.accountId();
            instruments[i] = delta.instrumentId();
            members[i] = delta.memberId();
            gross[i] = delta.gross();
            longParts[i] = delta.longPart();
            shortParts[i] = delta.shortPart();
            dates[i] = delta.businessDate().toString();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, now);
            statement.setArray(2, connection.createArrayOf("text", accounts));
            statement.setArray(3, connection.createArrayOf("text", instruments));
            statement.setArray(4, connection.createArrayOf("text", members));
            statement.setArray(5, connection.createArrayOf("boolean", gross));
            statement.setArray(6, connection.createArrayOf("bigint", longParts));
            statement.setArray(7, connection.createArrayOf("bigint", shortParts));
            statement.setArray(8, connection.createArrayOf("text", dates));
            List<PositionChanged> changed = new ArrayList<>(n);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long longQuantity = rows.getLong("long_quantity");
                    long shortQuantity = rows.getLong("short_quantity");
                    changed.add(new PositionChanged(rows.getString("account_id"), rows.getString("member_id"),
                            rows.getString("instrument_id"), longQuantity, shortQuantity, longQuantity - shortQuantity,
                            rows.getDate("business_date").toLocalDate(), rows.getLong("version")));
                }
            }
            return changed;
        }
    }
}
