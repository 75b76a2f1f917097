package io.computeclearing.risk.market;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberGroupsTest {

    @Test
    void aChainCountsInItsTopMembersGroupAndALoopIsOneGroup() {
        var groups = new MemberGroups.Resolver(Map.of("A", "B", "B", "C", "X", "Z", "Z", "Y", "Y", "Z"));
        assertThat(groups.groupOf("A")).isEqualTo("C");
        assertThat(groups.groupOf("B")).isEqualTo("C");
        assertThat(groups.groupOf("C")).isEqualTo("C");
        assertThat(groups.groupOf("LONE")).isEqualTo("LONE");
        // X -> Z -> Y -> Z loops: the group is the loop's smallest member, Y, wherever one starts.
        assertThat(groups.groupOf("X")).isEqualTo("Y");
        assertThat(groups.groupOf("Z")).isEqualTo("Y");
    }
}
