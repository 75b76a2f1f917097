package io.computeclearing.risk.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which member group each member counts in: a member with a parent counts in its parent's group, following the chain
 * to the member that has none (A -> B -> C: all three in C's group). A member never registered here is a group of its
 * own. A chain that loops (it should not happen: account-service refuses it) is one group named after the smallest
 * member id in the loop, so the answer never depends on where one starts.
 */
@ApplicationScoped
public class MemberGroups {

    private final EntityManager em;

    public MemberGroups(EntityManager em) {
        this.em = em;
    }

    /** The group of each member that has a parent, from the affiliations held now; any other member is its own. */
    public Map<String, String> groups() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select member_id, parent_member_id from risk_member where parent_member_id is not null")
                .getResultList();
        Map<String, String> parents = new HashMap<>();
        rows.forEach(r -> parents.put((String) r[0], (String) r[1]));
        return new Resolver(parents).all();
    }

    /** Resolves chains over a member -> parent map (pure, for tests). */
    public record Resolver(Map<String, String> parents) {

        public String groupOf(String member) {
            LinkedHashSet<String> chain = new LinkedHashSet<>();
            String current = member;
            while (current != null && chain.add(current)) {
                current = parents.get(current);
            }
            if (current == null) {
                return chain.getLast();
            }
            // A loop: 'current' is where it closes; name it after its smallest member.
            String smallest = current;
            boolean inLoop = false;
            for (String m : chain) {
                inLoop |= m.equals(current);
                if (inLoop && m.compareTo(smallest) < 0) {
                    smallest = m;
                }
            }
            return smallest;
        }

        Map<String, String> all() {
            Map<String, String> groups = new HashMap<>();
            parents.keySet().forEach(m -> groups.put(m, groupOf(m)));
            return groups;
        }
    }
}
