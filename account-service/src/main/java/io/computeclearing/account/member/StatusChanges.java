package io.computeclearing.account.member;

import io.computeclearing.platform.problem.ProblemException;

/** The one rule shared by members and accounts: suspend only what is active, reinstate only what is suspended. */
public final class StatusChanges {

    private StatusChanges() {
    }

    public static ProblemException alreadyIn(String what, String id, Enum<?> status) {
        return ProblemException.conflict("illegal-status-transition", "Status change not allowed",
                what + " '" + id + "' is already " + status.name());
    }
}
