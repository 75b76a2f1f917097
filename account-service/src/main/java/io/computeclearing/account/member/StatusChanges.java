package io.computeclearing.account.member;

import io.computeclearing.platform.problem.ProblemException;

/**
 * The rules shared by members and accounts: suspend only what is active, reinstate only what is suspended; and what a
 * defaulted member may no longer do.
 */
public final class StatusChanges {

    private StatusChanges() {
    }

    public static ProblemException alreadyIn(String what, String id, Enum<?> status) {
        return ProblemException.conflict("illegal-status-transition", "Status change not allowed",
                what + " '" + id + "' is already " + status.name());
    }

    /**
     * What a defaulted member is refused (a status change, an account, a withdrawal, a default fund release): 409,
     * as the member's standing stands in the way and will not pass; default management decides what becomes of its
     * accounts and contributions. Names the default by the member's status reason.
     */
    public static ProblemException memberDefaulted(ClearingMember member, String consequence) {
        return ProblemException.conflict("member-defaulted", "Member in default",
                "member '" + member.id + "' is DEFAULTED (" + member.statusReason + "): " + consequence);
    }
}
