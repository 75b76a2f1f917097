package io.computeclearing.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "ccp.outbox")
public interface OutboxConfig {

    /** How often the relay looks for events when no commit has woken it (after a restart, or a broker outage). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it gives up and retries later. */
    @WithDefault("15s")
    Duration ackTimeout();

    /** How long published events stay in the outbox table, for audit and replay, before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
