package io.computeclearing.platform.security;

import io.computeclearing.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling. Back office, risk and admin see every member; a member user sees only the member named in its
 * token's {@code member_id} claim, and anything else answers as if it did not exist (404, never the data).
 */
@RequestScoped
public class Caller {

    /** Token claim that names the clearing member a member user acts for. */
    public static final String MEMBER_CLAIM = "member_id";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** True for back office, risk and admin: they see all members. */
    public boolean seesAllMembers() {
        return identity.hasRole(Roles.BACK_OFFICE) || identity.hasRole(Roles.RISK) || identity.hasRole(Roles.ADMIN);
    }

    /** The member a member user acts for; empty for staff roles or a token without the claim. */
    public Optional<String> memberId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(MEMBER_CLAIM);
            if (claim instanceof JsonString json) {
                return Optional.of(json.getString());
            }
            if (claim != null) {
                return Optional.of(claim.toString());
            }
        }
        return Optional.empty();
    }

    /** Whether this caller may see data of the given member. */
    public boolean maySee(String memberId) {
        return seesAllMembers() || memberId().map(memberId::equals).orElse(false);
    }

    /** Fails with 404 (naming the thing as not found) unless the caller may see data of the given member. */
    public void requireAccess(String memberId, String what, String id) {
        if (!maySee(memberId)) {
            throw ProblemException.notFound(what, id);
        }
    }
}
