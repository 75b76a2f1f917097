package io.computeclearing.clearing.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One position closed at final settlement, as the account held it at the end (audit; never changed). */
@Entity
@Table(name = "final_settlement_position")
@IdClass(FinalSettlementPosition.Key.class)
public class FinalSettlementPosition extends PanacheEntityBase {

    public record Key(String instrumentId, String accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "instrument_id")
    public String instrumentId;

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "long_quantity", nullable = false)
    public long longQuantity;

    @Column(name = "short_quantity", nullable = false)
    public long shortQuantity;

    @Column(name = "net_quantity", nullable = false)
    public long netQuantity;

    /** The version of the flat position that closed it. */
    @Column(name = "closing_version", nullable = false)
    public long closingVersion;
}
