# Sourced, not run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+, else tries `java` on the PATH,
# then the usual install folders. Stockroom's scripts and ./mvnw all use it.

stockroom_java_major() {  # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

stockroom_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
     && [ "$(stockroom_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(stockroom_java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  fi
  # Newest first, so a machine with several JDKs gets the best one.
  for candidate in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ "$HOME"/.sdkman/candidates/java/*/ \
                        /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    if [ -x "$candidate/bin/javac" ] && [ "$(stockroom_java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  echo "Stockroom needs a JDK 21 or newer and found none. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  return 1
}

stockroom_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
