package io.computeclearing.settlement;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account directory reads in the service's own group (the platform default); each settlement input has a group of
 * its own, so that one channel's position on a topic never moves another's (collateral reads ccp.accounts.v1 too).
 */
@QuarkusTest
class ConsumerGroupsTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void everyChannelReadsInItsConsumerGroupFromTheBeginning() {
        Map<String, String> groups = Map.of(
                "accounts", "settlement-service",
                "trades", "settlement-service.trades",
                "business-days", "settlement-service.business-days",
                "instruments", "settlement-service.instruments",
                "margin-requirements", "settlement-service.margin-requirements",
                "collateral", "settlement-service.collateral");
        assertThat(kafka.getConsumerChannels()).containsExactlyInAnyOrderElementsOf(groups.keySet());
        groups.forEach((channel, group) -> {
            Map<String, ?> consumer = kafka.getConsumer(channel).configuration();
            assertThat(consumer.get("group.id")).as(channel).isEqualTo(group);
            assertThat(consumer.get("auto.offset.reset")).as(channel).isEqualTo("earliest");
        });
    }
}
