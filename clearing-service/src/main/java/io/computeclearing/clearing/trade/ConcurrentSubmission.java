package io.computeclearing.clearing.trade;

import io.computeclearing.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Two submissions carrying the same exchange trade id, cleared at the same moment: the unique index lets one commit
 * and refuses the other, whose whole transaction rolls back. Sent again, the refused one is acknowledged as a
 * duplicate (or named a conflict), so the answer is a 409 that says to retry.
 */
public class ConcurrentSubmission {

    /** The unique constraint on {@code trade.exchange_trade_id}, as PostgreSQL names it. */
    static final String EXCHANGE_TRADE_ID_KEY = "trade_exchange_trade_id_key";

    @ServerExceptionMapper
    public Response sameTradeIdAtOnce(ConstraintViolationException e, UriInfo uri) {
        if (!EXCHANGE_TRADE_ID_KEY.equals(e.getConstraintName())) {
            return null;  // not ours: the default handling applies
        }
        Problem problem = new Problem("/problems/concurrent-submission", "Submitted concurrently", 409,
                "a trade with the same exchange trade id was being cleared at the same moment; nothing of this "
                        + "request was written: submit it again", uri.getPath(),
                List.of(new Problem.Violation("exchangeTradeId", "was being cleared concurrently")));
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
