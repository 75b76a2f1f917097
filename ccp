#!/usr/bin/env bash
# The project's two commands:
#   ./ccp test    build everything and run every test (what CI runs)
#   ./ccp stack   start PostgreSQL, Kafka, Keycloak and the five services locally and play the demo trading month
set -euo pipefail
cd "$(dirname "$0")"

# Quarkus and Keycloak want Java 21+; many machines default to 17. Use JAVA_HOME if it is new enough, else the
# newest JDK found in the usual places.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then
        return
    fi
    local best="" best_major=0 candidate major
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                     "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
        [[ -x "$candidate/bin/javac" ]] || continue
        major=$(java_major "$candidate") || continue
        if [[ "$major" -gt "$best_major" ]]; then best="$candidate"; best_major="$major"; fi
    done
    if [[ "$best_major" -lt 21 ]]; then
        echo "ccp: need a JDK 21 or newer (found at most $best_major); set JAVA_HOME" >&2
        exit 1
    fi
    export JAVA_HOME="$best"
}
pick_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.9 on JDK 24+ warns about sun.misc.Unsafe in its own libraries; this silences only that.
if [[ "$(java_major "$JAVA_HOME")" -ge 24 ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

case "${1:-}" in
    test)
        shift
        exec ./mvnw -B --no-transfer-progress verify "$@"
        ;;
    stack)
        shift
        ./mvnw -B --no-transfer-progress -q install -DskipTests
        # The Kafka broker inside the launcher calls sun.misc.Unsafe; on JDK 24+ allow it without a console warning.
        launcher_opts=()
        if [[ "$(java_major "$JAVA_HOME")" -ge 24 ]]; then
            launcher_opts+=(--sun-misc-unsafe-memory-access=allow)
        fi
        exec java ${launcher_opts[@]+"${launcher_opts[@]}"} -jar local-stack/target/local-stack.jar "$@"
        ;;
    *)
        echo "usage: ./ccp test | ./ccp stack" >&2
        exit 2
        ;;
esac
