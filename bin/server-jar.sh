# Sourced, not run, by bin/stockroom-server and bin/stockroom-cluster (after setting $root):
# finds a JDK 21+, builds the app server and the CLI when a jar is missing or older than any
# source, and on JDK 25+ makes the JVM's AOT cache once per build. Sets server_jar and aot_option.

# shellcheck source=find-jdk.sh
. "$root/bin/find-jdk.sh"

server_jar="$root/appserver/target/stockroom-appserver.jar"
cli_jar="$root/client/cli/target/stockroom-cli.jar"

# Rebuild when a jar is missing or any source or build file is newer than it.
stockroom_needs_build() {
  [ -f "$server_jar" ] && [ -f "$cli_jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/database" "$root/appserver" "$root/client" "$root/loadbalancer" \
            \( -name target -prune \) -o -type f -newer "$server_jar" -print -quit)" ]
}

if stockroom_needs_build; then
  echo "$(basename "$0"): building the application server and the CLI (a minute or two the first time)..." >&2
  (cd "$root" && ./mvnw -q -Dmaven.test.skip=true package -pl appserver,client/cli -am) >&2 \
    || { echo "$(basename "$0"): the build failed; see the output above." >&2; exit 1; }
fi

# The JDK's AOT cache (JDK 25+) halves the start-up: made by a training run once per build
# (under a minute), then reused. STOCKROOM_AOT_CACHE=false skips it.
aot_cache="${server_jar%.jar}.aot"
aot_option=()
if [ "${STOCKROOM_AOT_CACHE:-true}" != false ] && [ "$(stockroom_java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
  # Stale when the jar or the options file changed: the training must have run with the same options.
  if [ ! -f "$aot_cache" ] || [ "$server_jar" -nt "$aot_cache" ] \
     || [ "$root/appserver/target/stockroom.jvm" -nt "$aot_cache" ]; then
    echo "$(basename "$0"): creating the AOT cache for a faster start (once per build, under a minute)..." >&2
    "$root/bin/stockroom-aot-cache" "$server_jar" "$aot_cache" || true
  fi
  # A cache that does not match the jars or the JVM only costs a warning: the server starts without it.
  if [ -f "$aot_cache" ]; then
    aot_option=("-XX:AOTCache=$aot_cache")
  fi
  # A mismatched cache only costs a warning, except one case: a heap too small for the cache's
  # archived objects is fatal ("Unable to use AOT cache"). Only STOCKROOM_JAVA_OPTS can cause that
  # here, so with them a quick trial start (java -version, a fraction of a second) decides.
  if [ ${#aot_option[@]} -gt 0 ] && [ -n "${STOCKROOM_JAVA_OPTS:-}" ] \
     && ! java @"$root/appserver/target/stockroom.jvm" "${aot_option[@]}" ${STOCKROOM_JAVA_OPTS} -version >/dev/null 2>&1; then
    echo "$(basename "$0"): the AOT cache does not work with STOCKROOM_JAVA_OPTS; starting without it." >&2
    aot_option=()
  fi
fi
