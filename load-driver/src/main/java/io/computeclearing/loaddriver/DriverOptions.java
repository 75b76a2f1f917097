package io.computeclearing.loaddriver;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the driver does and against what. Every target must be on the loopback interface: the driver puts
 * load on a machine and onboards test members, which it must never do to a shared or production deployment. Counts and
 * time are bounded so that a typing error cannot start an endless run.
 *
 * @param trades      trades to submit
 * @param batch       trades per {@code POST /trades/batch} (clearing-service takes at most 5,000)
 * @param concurrency batch requests in flight at once
 * @param accounts    load-test accounts the trades are spread over (two per load-test member: house and client omnibus)
 * @param seed        seed of the trade generator: the same seed gives the same trades
 * @param timeout     the whole run, from the first token to the last check
 */
public record DriverOptions(int trades, int batch, int concurrency, int accounts, long seed, Duration timeout,
                            URI clearing, URI account, URI keycloak, String kafka, String realm, String clientId,
                            String user, String password) {

    static final int MAX_TRADES = 5_000_000;
    static final int MAX_BATCH = 5_000;
    static final int MAX_CONCURRENCY = 64;
    static final int MAX_ACCOUNTS = 1_000;
    static final Duration MAX_TIMEOUT = Duration.ofHours(2);

    static final String USAGE = """
            usage: java -jar load-driver/target/load-driver.jar [options]
              --trades N        trades to submit (default 100000, at most 5,000,000)
              --batch N         trades per POST /trades/batch (default 1000, at most 5,000)
              --concurrency N   batch requests in flight (default 2, at most 64)
              --accounts N      load-test accounts, even, 2 to 1,000 (default 20)
              --seed N          trade generator seed (default 20261124)
              --timeout D       bound on the whole run, e.g. 600s, 10m (default 10m, at most 2h)
              --clearing URL    clearing-service (default http://localhost:8082)
              --account URL     account-service (default http://localhost:8081)
              --keycloak URL    Keycloak (default http://localhost:8180), realm ccp, client ccp-cli
              --kafka HOST:PORT Kafka bootstrap server (default localhost:9092)
              --user NAME       back-office user (default backoffice)
              --password PW     its password (default: the user name, as in the local stack's realm)
            Every target must be a loopback address.""";

    /** The defaults: the local stack of {@code ./ccp stack}. */
    public static DriverOptions defaults() {
        return new DriverOptions(100_000, 1_000, 2, 20, 20261124L, Duration.ofMinutes(10),
                URI.create("http://localhost:8082"), URI.create("http://localhost:8081"),
                URI.create("http://localhost:8180"), "localhost:9092", "ccp", "ccp-cli", "backoffice", null);
    }

    /** Parses {@code --name value} pairs over the defaults; throws {@link IllegalArgumentException} naming the problem. */
    public static DriverOptions parse(String... args) {
        DriverOptions d = defaults();
        int trades = d.trades;
        int batch = d.batch;
        int concurrency = d.concurrency;
        int accounts = d.accounts;
        long seed = d.seed;
        Duration timeout = d.timeout;
        URI clearing = d.clearing;
        URI account = d.account;
        URI keycloak = d.keycloak;
        String kafka = d.kafka;
        String user = d.user;
        String password = d.password;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--trades" -> trades = integer(name, value, 1, MAX_TRADES);
                case "--batch" -> batch = integer(name, value, 1, MAX_BATCH);
                case "--concurrency" -> concurrency = integer(name, value, 1, MAX_CONCURRENCY);
                case "--accounts" -> accounts = evenAccounts(name, value);
                case "--seed" -> seed = longValue(name, value);
                case "--timeout" -> timeout = duration(name, value);
                case "--clearing" -> clearing = loopbackUrl(name, value);
                case "--account" -> account = loopbackUrl(name, value);
                case "--keycloak" -> keycloak = loopbackUrl(name, value);
                case "--kafka" -> kafka = loopbackBootstrap(name, value);
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new DriverOptions(trades, batch, concurrency, accounts, seed, timeout, clearing, account, keycloak,
                kafka, d.realm, d.clientId, user, password);
    }

    /** The password of the back-office user: as given, or the user name (the local stack's convention). */
    public String effectivePassword() {
        return password == null ? user : password;
    }

    /** Number of batch requests the trades make. */
    public int batches() {
        return (trades + batch - 1) / batch;
    }

    /** The command line that reproduces this run (without the password). */
    public String commandLine() {
        List<String> parts = new ArrayList<>(List.of("java -jar load-driver/target/load-driver.jar",
                "--trades " + trades, "--batch " + batch, "--concurrency " + concurrency, "--accounts " + accounts));
        DriverOptions d = defaults();
        if (seed != d.seed) {
            parts.add("--seed " + seed);
        }
        if (!timeout.equals(d.timeout)) {
            parts.add("--timeout " + timeout.toSeconds() + "s");
        }
        return String.join(" ", parts);
    }

    private static int integer(String name, String value, int min, int max) {
        long parsed = longValue(name, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
        return (int) parsed;
    }

    private static int evenAccounts(String name, String value) {
        int accounts = integer(name, value, 2, MAX_ACCOUNTS);
        if (accounts % 2 != 0) {
            throw new IllegalArgumentException(name + " must be even (a house and a client account per member), not "
                    + value);
        }
        return accounts;
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    /** {@code 600}, {@code 600s}, {@code 10m}, {@code 1h}, or ISO-8601 {@code PT10M}. */
    static Duration duration(String name, String value) {
        Duration parsed;
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                parsed = Duration.parse(v);
            } else if (v.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                parsed = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(v));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 600s or 10m, not " + value);
        }
        if (parsed.compareTo(Duration.ofSeconds(1)) < 0 || parsed.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be 1s to " + MAX_TIMEOUT.toHours() + "h, not " + value);
        }
        return parsed;
    }

    static URI loopbackUrl(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + value);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http://host:port URL, not " + value);
        }
        requireLoopback(name, uri.getHost());
        return uri;
    }

    static String loopbackBootstrap(String name, String value) {
        for (String server : value.split(",")) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + " must be host:port, not " + server);
            }
            requireLoopback(name, server.substring(0, colon).replace("[", "").replace("]", ""));
        }
        return value;
    }

    private static void requireLoopback(String name, String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException(name + ": " + host + " is not a loopback address; the load driver only "
                    + "runs against a stack on this machine");
        }
    }
}
