package io.computeclearing.risk.stress;

/**
 * One account's positions as held, in the compact form the engine runs over: {@code instruments[k]} is an index into
 * the run's instrument list, {@code netQuantities[k]} the net contracts held in it. {@code groupId} is the member
 * group the account counts in (its member's, or the parent's the member is affiliated with).
 */
public record Portfolio(String accountId, String memberId, String groupId, int[] instruments, long[] netQuantities) {

    public Portfolio {
        if (instruments.length != netQuantities.length) {
            throw new IllegalArgumentException("one quantity per instrument");
        }
    }
}
