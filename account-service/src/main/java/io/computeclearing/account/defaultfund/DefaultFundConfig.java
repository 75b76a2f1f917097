package io.computeclearing.account.defaultfund;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The default fund as account-service keeps it: members' contributions, cash in one currency. */
@ConfigMapping(prefix = "ccp.default-fund")
public interface DefaultFundConfig {

    /** The currency contributions are required and held in; the risk service sizes the fund in it. */
    @WithDefault("USD")
    String currency();
}
