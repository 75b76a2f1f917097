package io.computeclearing.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the business clock. */
@ConfigMapping(prefix = "ccp.clock")
public interface ClockConfig {

    /**
     * Whether {@code PUT /clock} may move the business time. Off in production; on in dev and test, and the local
     * stack turns it on for its demo.
     */
    @WithDefault("false")
    boolean adjustable();
}
