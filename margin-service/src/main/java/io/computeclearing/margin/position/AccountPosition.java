package io.computeclearing.margin.position;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An account's latest position in one instrument ({@code SYMBOL-YYYYMM}), as clearing-service published it with
 * {@code PositionChanged}. Only a higher version replaces it.
 */
@Entity
@Table(name = "account_position")
@IdClass(AccountPosition.Key.class)
public class AccountPosition extends PanacheEntityBase {

    /** Primary key: account and instrument. */
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

    @Column(name = "long_quantity", nullable = false)
    public long longQuantity;

    @Column(name = "short_quantity", nullable = false)
    public long shortQuantity;

    @Column(name = "net_quantity", nullable = false)
    public long netQuantity;

    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<AccountPosition> ofAccount(String accountId) {
        return list("accountId = ?1 order by instrumentId", accountId);
    }

    /** The product family: the instrument id before its last dash (GH100 of GH100-202701). */
    public String family() {
        return instrumentId.substring(0, instrumentId.lastIndexOf('-'));
    }
}
