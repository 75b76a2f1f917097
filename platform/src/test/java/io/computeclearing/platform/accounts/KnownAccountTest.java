package io.computeclearing.platform.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether an account takes new business, and the reason a refusal names when it does not. */
class KnownAccountTest {

    @Test
    void onlyAnActiveAccountOfAnActiveMemberTakesBusiness() {
        assertThat(account(KnownAccount.Status.ACTIVE, KnownMember.Status.ACTIVE).acceptsBusiness()).isTrue();
        assertThat(account(KnownAccount.Status.ACTIVE, KnownMember.Status.ACTIVE).closedBecause()).isNull();

        assertThat(account(KnownAccount.Status.SUSPENDED, KnownMember.Status.ACTIVE).closedBecause())
                .isEqualTo("account SUSPENDED");
        assertThat(account(KnownAccount.Status.ACTIVE, KnownMember.Status.SUSPENDED).closedBecause())
                .isEqualTo("member ALPHA SUSPENDED");
        assertThat(account(KnownAccount.Status.ACTIVE, KnownMember.Status.DEFAULTED).acceptsBusiness()).isFalse();
        assertThat(account(KnownAccount.Status.ACTIVE, KnownMember.Status.DEFAULTED).closedBecause())
                .isEqualTo("member ALPHA DEFAULTED");
        assertThat(account(KnownAccount.Status.ACTIVE, null).closedBecause())
                .isEqualTo("member ALPHA not yet registered");
    }

    private static KnownAccount account(KnownAccount.Status status, KnownMember.Status memberStatus) {
        KnownAccount account = new KnownAccount();
        account.id = "ALPHA-H";
        account.memberId = "ALPHA";
        account.status = status;
        account.memberStatus = memberStatus;
        return account;
    }
}
