package io.computeclearing.clearing.position;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's open contracts in one instrument. A netting account (house, client segregated) holds one net
 * quantity, shown as long or short; a client omnibus account keeps gross long and gross short, because its clients'
 * positions do not offset each other. {@code net = long - short}. Written only by {@link PositionKeeping}.
 */
@Entity
@Table(name = "position")
@IdClass(Position.Key.class)
@Immutable
public class Position extends PanacheEntityBase {

    public record Key(String accountId, String instrumentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** True for a client omnibus account: long and short are kept gross. */
    @Column(nullable = false)
    public boolean gross;

    @Column(name = "long_quantity", nullable = false)
    public long longQuantity;

    @Column(name = "short_quantity", nullable = false)
    public long shortQuantity;

    @Column(name = "net_quantity", insertable = false, updatable = false)
    public long netQuantity;

    /** Rises by one with every change; PositionChanged events carry it. */
    @Column(nullable = false)
    public long version;

    /** Business date of the latest change. */
    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
