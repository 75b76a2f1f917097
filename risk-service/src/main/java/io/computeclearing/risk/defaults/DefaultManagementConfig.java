package io.computeclearing.risk.defaults;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How default management runs after a declaration. */
@ConfigMapping(prefix = "ccp.default-management")
public interface DefaultManagementConfig {

    /** How long a receiving member has to accept a porting offer, in business time, unless the offer says. */
    @WithDefault("PT24H")
    Duration portingWindow();

    /** Whether every invited member must bid in an auction (a member that does not is named in the result). */
    @WithDefault("true")
    boolean biddingObliged();

    /** How often porting offers past their deadline are expired (read by the schedule). */
    @WithDefault("30s")
    String expiryCheckEvery();
}
