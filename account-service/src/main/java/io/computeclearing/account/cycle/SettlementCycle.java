package io.computeclearing.account.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One account's part in a settlement cycle: what has arrived of it (the cycle's closing event, after which its cash
 * postings are booked; the initial margin at the cycle's prices) and, once both are there, the margin call decision
 * taken on that one snapshot. PENDING until then; CALLED (a call issued or raised, {@code callId}) or COVERED (the
 * cover sufficed; an open call was settled) after; SUPERSEDED when a later cycle of the account closed first.
 */
@Entity
@Table(name = "settlement_cycle")
public class SettlementCycle extends PanacheEntityBase {

    public enum Status { PENDING, CALLED, COVERED, SUPERSEDED }

    @Embeddable
    public record Key(@Column(name = "cycle_id") String cycleId, @Column(name = "account_id") String accountId)
            implements Serializable {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @EmbeddedId
    public Key key;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "business_date")
    public LocalDate businessDate;

    @Column(name = "cash_settled_at")
    public Instant cashSettledAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "initial_margins")
    String initialMarginsJson;

    @Column(name = "requirement_calculated_at")
    public Instant requirementCalculatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "base_currency")
    public String baseCurrency;

    public BigDecimal requirement;

    @Column(name = "collateral_value")
    public BigDecimal collateralValue;

    public BigDecimal excess;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The account's cycle, or a new PENDING one (not yet persisted) when nothing of it has arrived. */
    static SettlementCycle of(String cycleId, String accountId, String memberId) {
        SettlementCycle cycle = findById(new Key(cycleId, accountId));
        if (cycle == null) {
            cycle = new SettlementCycle();
            cycle.key = new Key(cycleId, accountId);
            cycle.memberId = memberId;
            cycle.status = Status.PENDING;
        }
        return cycle;
    }

    /** Both halves are there: the postings booked and the requirement at the cycle's prices. */
    boolean complete() {
        return cashSettledAt != null && initialMarginsJson != null;
    }

    /** The initial margin per currency at the cycle's prices (empty until it arrives). */
    public Map<String, BigDecimal> initialMargins() {
        if (initialMarginsJson == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(initialMarginsJson, new TypeReference<TreeMap<String, BigDecimal>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settlement cycle " + key + " holds unreadable margins", e);
        }
    }

    void initialMargins(Map<String, BigDecimal> margins) {
        try {
            initialMarginsJson = JSON.writeValueAsString(new TreeMap<>(margins));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("margins cannot be written as JSON", e);
        }
    }
}
