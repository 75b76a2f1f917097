package io.computeclearing.clearing.account;

import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Whose trades and positions the caller may read. Staff (back office, risk, admin) read every account; a member user
 * reads only the accounts of the member in its token, and asking for any other account reads as if it had nothing.
 */
@RequestScoped
public class VisibleAccounts {

    /**
     * What a query may return: every account ({@code member} empty, {@code none} false), one member's accounts, or
     * nothing at all (a member user asking for another member's account, or a token without a member).
     */
    public record Scope(Optional<String> member, boolean none) {

        public static Scope everything() {
            return new Scope(Optional.empty(), false);
        }

        public static Scope nothing() {
            return new Scope(Optional.empty(), true);
        }

        public static Scope ofMember(String memberId) {
            return new Scope(Optional.of(memberId), false);
        }
    }

    private final Caller caller;
    private final AccountDirectory directory;

    public VisibleAccounts(Caller caller, AccountDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** The scope of a query, optionally about one account. */
    public Scope scope(String accountId) {
        if (caller.seesAllMembers()) {
            return Scope.everything();
        }
        Optional<String> member = caller.memberId();
        if (member.isEmpty()) {
            return Scope.nothing();
        }
        if (accountId != null && !directory.find(accountId).map(a -> a.memberId.equals(member.get())).orElse(false)) {
            return Scope.nothing();
        }
        return Scope.ofMember(member.get());
    }
}
