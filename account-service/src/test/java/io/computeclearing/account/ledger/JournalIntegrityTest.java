package io.computeclearing.account.ledger;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's invariants, checked in the database itself. */
@QuarkusTest
class JournalIntegrityTest {

    @Inject
    DatabaseProbe db;

    @Test
    void everyEntrySumsToZeroPerAssetAndTheBooksMirrorEachOther() {
        String account = Api.newAccount("ALPHA", "USD");
        String bond = Api.unique("US912828AB");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "100.00");
        Api.deposit(account, "USD", "300.00");
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "120.50").then().statusCode(201);
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "1000").then().statusCode(201);

        assertThat(db.count("""
                select count(*) from (select entry_id from journal_posting
                                      group by entry_id, asset_class, asset having sum(quantity) <> 0) unbalanced""")
        ).isZero();
        // what members lodged equals, with opposite sign, what the CCP holds at its bank and custodian
        assertThat(db.count("""
                select count(*) from (select asset from journal_posting
                                      group by asset_class, asset having sum(quantity) <> 0) unbalanced""")
        ).isZero();
        assertThat(db.count("""
                select count(*) from journal_posting
                where account_id = ? and asset = 'USD' and book = 'MEMBER_COLLATERAL' and quantity = -120.50""",
                account)).isEqualTo(1);
    }

    @Test
    void journalRowsCannotBeUpdatedOrDeleted() {
        String account = Api.newAccount("BRAVO", "USD");
        Api.deposit(account, "USD", "100.00");

        assertThatThrownBy(() -> db.inOneTransaction(
                "update journal_posting set quantity = quantity * 2 where account_id = '" + account + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("journal_posting is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> db.inOneTransaction(
                "delete from journal_entry where account_id = '" + account + "'"))
                .hasMessageContaining("journal_entry is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> db.inOneTransaction("truncate journal_posting cascade"))
                .hasMessageContaining("append-only");
        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isEqualTo(1);
    }

    @Test
    void anUnbalancedEntryIsRefusedAtCommit() {
        String account = Api.newAccount("CHARLIE", "USD");

        assertThatThrownBy(() -> db.inOneTransaction("""
                        insert into journal_entry (id, account_id, kind, idempotency_key, request_fingerprint, reference,
                                                   created_by, created_at)
                        values ('00000000-0000-0000-0000-00000000000%s', '%s', 'DEPOSIT', 'k', repeat('0', 64), 'r',
                                'sql', now())""".formatted(account.length() % 10, account),
                """
                        insert into journal_posting (entry_id, book, account_id, asset_class, asset, quantity)
                        values ('00000000-0000-0000-0000-00000000000%s', 'MEMBER_COLLATERAL', '%s', 'CASH', 'USD',
                                1000000.00)""".formatted(account.length() % 10, account)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not balance");
        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isZero();
    }
}
