package io.computeclearing.account.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.computeclearing.account.valuation.Asset;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a journal entry: a signed quantity of one asset in one book. Sign convention: on
 * {@link Book#MEMBER_COLLATERAL} a positive quantity is collateral the member has lodged (the CCP owes it back); the
 * matching negative quantity on {@link Book#CCP_CASH_AT_BANK} or {@link Book#CCP_SECURITIES_CUSTODY} records where the
 * CCP holds it. So what members have lodged always equals, with opposite sign, what the CCP holds at its bank and
 * custodian. An account's holding of an asset is the sum of its MEMBER_COLLATERAL postings; a cash holding may be
 * negative after a variation margin debit (unpaid variation margin the member owes the CCP), balanced by
 * {@link Book#CCP_SETTLEMENT}. A member's default fund contribution is on {@link Book#DEFAULT_FUND} (by member, not
 * account) against {@link Book#CCP_DEFAULT_FUND}: a book of its own, so it is never part of an account's holdings.
 * A ported client account's holdings pass through {@link Book#CCP_PORTING} from the defaulter's account to the
 * receiving one, so they never touch the CCP's bank or custody books (nothing left the CCP). A default's loss passes
 * through {@link Book#CCP_DEFAULT_LOSS} from the waterfall's layers to the defaulter's accounts that owe
 * ({@code io.computeclearing.account.waterfall.WaterfallJournal} gives every entry and sign).
 */
@Entity
@Table(name = "journal_posting")
@Immutable
public class JournalPosting extends PanacheEntityBase {

    public enum Book {
        /** Collateral a member has lodged with the CCP, per account. */
        MEMBER_COLLATERAL,
        /** Cash the CCP holds at its settlement banks. */
        CCP_CASH_AT_BANK,
        /** Securities (and gold) the CCP holds at its custodians. */
        CCP_SECURITIES_CUSTODY,
        /**
         * The CCP's settlement account per currency: the other side of every variation margin and final settlement
         * posting. What the CCP collects from losing accounts it pays to winning ones, so after a complete run it nets
         * to zero per currency.
         */
        CCP_SETTLEMENT,
        /** Default fund cash a member has contributed, per member: never margin cover, never an account's holding. */
        DEFAULT_FUND,
        /** The CCP's default fund account at its bank: the other side of every contribution and release. */
        CCP_DEFAULT_FUND,
        /**
         * The CCP's transit book for a client account ported in default management: what the PORTED_OUT entry takes
         * from the defaulter's account the PORTED_IN entry gives to the receiving one, so once a porting is booked it
         * nets to zero per asset.
         */
        CCP_PORTING,
        /**
         * The CCP's transit book for a default's loss: each layer of the default waterfall brings what it bears in
         * ({@code +x}), and the DEFAULT_LOSS_COVERED entries take it out to the defaulter's accounts that owe
         * ({@code -x}), so once a waterfall is booked it nets to zero.
         */
        CCP_DEFAULT_LOSS,
        /**
         * The CCP's own capital committed to defaults (its tranche, "skin in the game"): cash the CCP puts in, held
         * as on {@link #CCP_CASH_AT_BANK} (negative). Minus its sum is the tranche used so far.
         */
        CCP_OWN_FUNDS
    }

    @JsonIgnore
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @JsonIgnore
    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id", nullable = false)
    public JournalEntry entry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Book book;

    /** The member's account for MEMBER_COLLATERAL; null on the CCP's own books. */
    @Column(name = "account_id")
    public String accountId;

    /** The contributing member for DEFAULT_FUND; null on every other book. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Column(name = "member_id")
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_class", nullable = false)
    public Asset.AssetClass assetClass;

    /** Currency code for cash, security id for securities. */
    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public BigDecimal quantity;

    public static JournalPosting of(Book book, String accountId, Asset asset, BigDecimal quantity) {
        JournalPosting posting = new JournalPosting();
        posting.book = book;
        posting.accountId = accountId;
        posting.assetClass = asset.assetClass();
        posting.asset = asset.code();
        posting.quantity = quantity;
        return posting;
    }

    /** A posting on a member's default fund contribution ({@link Book#DEFAULT_FUND}) or the CCP's fund account. */
    public static JournalPosting ofDefaultFund(Book book, String memberId, Asset asset, BigDecimal quantity) {
        JournalPosting posting = of(book, null, asset, quantity);
        posting.memberId = book == Book.DEFAULT_FUND ? memberId : null;
        return posting;
    }

    /** The sum of every posting of one asset on the book: for a CCP book, where it stands across all members. */
    public static BigDecimal total(Book book, String asset) {
        return getEntityManager().createQuery("""
                        select coalesce(sum(p.quantity), 0) from JournalPosting p
                        where p.book = :book and p.asset = :asset""", BigDecimal.class)
                .setParameter("book", book)
                .setParameter("asset", asset)
                .getSingleResult();
    }

    /** What the account holds, per asset: the sum of its MEMBER_COLLATERAL postings (zero sums included). */
    public static Map<Asset, BigDecimal> holdings(String accountId) {
        List<Object[]> rows = getEntityManager().createQuery("""
                        select p.assetClass, p.asset, sum(p.quantity) from JournalPosting p
                        where p.book = :book and p.accountId = :account
                        group by p.assetClass, p.asset""", Object[].class)
                .setParameter("book", Book.MEMBER_COLLATERAL)
                .setParameter("account", accountId)
                .getResultList();
        Map<Asset, BigDecimal> holdings = new LinkedHashMap<>();
        for (Object[] row : rows) {
            holdings.put(new Asset((Asset.AssetClass) row[0], (String) row[1]), (BigDecimal) row[2]);
        }
        return holdings;
    }
}
