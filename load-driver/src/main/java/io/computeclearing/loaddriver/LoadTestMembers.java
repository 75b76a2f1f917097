package io.computeclearing.loaddriver;

import io.computeclearing.client.AccountDirectory;
import io.computeclearing.client.Accounts;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.Members;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.Service;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;

/**
 * The clearing members and accounts the load trades between: member {@code LDM001} with a house account
 * {@code LDM001-H} (positions net) and a client omnibus account {@code LDM001-C} (gross long and short), and so on.
 * They are registered through account-service like any member, without collateral, and reused by later runs (409
 * means they exist). clearing-service learns them from account-service's events.
 */
final class LoadTestMembers {

    /** The first 13 of an LEI's 18 characters; the member number and the ISO 7064 check digits complete it. */
    private static final String LEI_STEM = "9695LOADTESTM";

    private final int members;

    /** @param accounts even: two accounts per member */
    LoadTestMembers(int accounts) {
        this.members = accounts / 2;
    }

    static String memberId(int member) {
        return "LDM%03d".formatted(member);
    }

    /** Every account id, house and client of each member in turn. */
    List<String> accountIds() {
        List<String> ids = new ArrayList<>(members * 2);
        for (int m = 1; m <= members; m++) {
            ids.add(memberId(m) + "-H");
            ids.add(memberId(m) + "-C");
        }
        return ids;
    }

    /**
     * A syntactically valid ISO 17442 LEI for a load-test member, unique per member: 18 characters, then two check
     * digits that make the whole, read with letters as 10 to 35, equal 1 modulo 97 (ISO 7064 MOD 97-10).
     */
    static String lei(int member) {
        String base = LEI_STEM + "%05d".formatted(member);
        int remainder = numeric(base + "00").mod(BigInteger.valueOf(97)).intValue();
        return base + "%02d".formatted(98 - remainder);
    }

    static boolean isValidLei(String lei) {
        return lei.matches("[A-Z0-9]{18}[0-9]{2}") && numeric(lei).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static BigInteger numeric(String code) {
        StringBuilder digits = new StringBuilder();
        for (char c : code.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString());
    }

    /** Registers the members and opens their accounts; existing ones (409) count as done. */
    void onboard(ClearingHouse house) {
        for (int m = 1; m <= members; m++) {
            String member = memberId(m);
            Members.NewMember newMember = new Members.NewMember(member, "Load Test Member " + m, lei(m),
                    Members.MembershipType.DIRECT_CLEARING_MEMBER);
            create("member " + member, () -> house.members().register(newMember));
            create("account " + member + "-H", () -> house.accounts().open(
                    new Accounts.NewAccount(member + "-H", member, Accounts.Type.HOUSE, "USD")));
            create("account " + member + "-C", () -> house.accounts().open(
                    new Accounts.NewAccount(member + "-C", member, Accounts.Type.CLIENT_OMNIBUS, "USD")));
        }
    }

    private static void create(String what, Supplier<?> request) {
        try {
            request.get();
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw new LoadRunFailure("account-service refused " + what + ": " + e.getMessage());
            }
        } catch (ClearingHouseException e) {
            throw new LoadRunFailure("account-service refused " + what + ": " + e.getMessage());
        }
    }

    /**
     * Waits until clearing-service's {@code GET /accounts} lists every load-test account as accepting business (it
     * learns them asynchronously from account-service's events).
     */
    void awaitAcceptedByClearing(ClearingHouse house, Deadline deadline) throws InterruptedException {
        Set<String> expected = new TreeSet<>(accountIds());
        Set<String> open = new TreeSet<>();
        String lastFailure;
        do {
            lastFailure = null;
            try {
                List<AccountDirectory.KnownAccount> accounts = house.accountDirectory(Service.CLEARING).list(null);
                open.clear();
                for (AccountDirectory.KnownAccount account : accounts) {
                    if (account.acceptsBusiness()) {
                        open.add(account.id());
                    }
                }
                if (open.containsAll(expected)) {
                    return;
                }
            } catch (ProblemException e) {
                lastFailure = e.getMessage();
                if (e.status() != 503) {
                    break;
                }
            } catch (ClearingHouseException noAnswer) {
                lastFailure = noAnswer.getMessage();
            }
            Thread.sleep(Duration.ofMillis(500));
        } while (!deadline.passed());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(open);
        throw new LoadRunFailure("clearing-service does not accept business for " + missing.size() + " load-test "
                + "accounts " + (lastFailure == null ? "" : "(GET /accounts: " + lastFailure + ") ") + "e.g. "
                + missing.stream().limit(5).toList());
    }
}
