package io.computeclearing.risk.defaults;

import io.computeclearing.platform.persistence.KeyLock;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every step of default management on one defaulter (declaring, porting, lots, auctions, hedges) runs under the
 * member's lock, so two default managers acting at once take turns and each sees the other's result.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DefaultCaseLocks {

    private final EntityManager em;

    public DefaultCaseLocks(EntityManager em) {
        this.em = em;
    }

    /** The DECLARED case, locked: 404 for an unknown case, 409 while it is only proposed or was withdrawn. */
    public DefaultCase declared(long defaultId) {
        DefaultCase c = DefaultCase.<DefaultCase>findByIdOptional(defaultId)
                .orElseThrow(() -> ProblemException.notFound("default case", String.valueOf(defaultId)));
        hold(c.memberId);
        em.refresh(c);
        if (c.status != DefaultCase.Status.DECLARED) {
            throw ProblemException.conflict("default-not-declared", "Default not declared",
                    "default case " + defaultId + " of member " + c.memberId + " is " + c.status
                            + ": default management starts once a default is declared");
        }
        return c;
    }

    /** Holds the lock of the member's default case until the transaction ends. */
    public void hold(String memberId) {
        KeyLock.hold(em, "member_default", memberId);
    }
}
