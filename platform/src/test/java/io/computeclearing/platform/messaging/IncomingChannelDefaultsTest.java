package io.computeclearing.platform.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application declares its channels by topic only (application.properties); everything else comes from the
 * platform's connector defaults. Read back from the Kafka consumers SmallRye actually created.
 */
@QuarkusTest
class IncomingChannelDefaultsTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void channelsDeclaredByTopicGetThePlatformDefaults() {
        for (String channel : new String[] {"probe", "accounts"}) {
            Map<String, ?> consumer = kafka.getConsumer(channel).configuration();
            assertThat(consumer.get("group.id")).as(channel).isEqualTo("platform-test");
            assertThat(consumer.get("auto.offset.reset")).as(channel).isEqualTo("earliest");
            assertThat(String.valueOf(consumer.get("value.deserializer"))).as(channel)
                    .isEqualTo(StringDeserializer.class.getName());
        }
    }
}
