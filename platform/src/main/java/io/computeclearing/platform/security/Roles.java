package io.computeclearing.platform.security;

/** Role names carried in access tokens (Keycloak realm roles). */
public final class Roles {

    /** The exchange back office: manages members, accounts, collateral movements, trades and the day. */
    public static final String BACK_OFFICE = "back-office";
    /** A clearing member's user: sees only its own member's data. The token's {@code member_id} claim says which. */
    public static final String MEMBER = "member";
    /** The CCP's risk department: risk parameters and margin. */
    public static final String RISK = "risk";
    /** An index provider's own client: records the provider's published index values, nothing else. */
    public static final String INDEX_PROVIDER = "index-provider";
    /** Platform administrators. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
