#!/usr/bin/env bash
# Records the ORIGINAL core's answers to sequence.json into recordings/<version>.json, starting a
# fresh original (in-memory storage) for each CDI version so every run begins from a clean state.
#
# usage: compat/cdi/record.sh [VERSION...]      (default: every version sequence.json lists)
#   ORIGINAL_CORE  the original's folder with start.sh/stop.sh (default: ../shared/original-core
#                  next to the checkout, else /work/shared/original-core)
#   PORT           port for the original (default 3610)
#   MVN            how to run Maven (default ./mvnw -B -q; on a shared machine e.g.
#                  MVN="flock /tmp/authcore-mvn.lock ./mvnw -B -q")
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [[ -z ${ORIGINAL_CORE:-} ]]; then
  ORIGINAL_CORE=$ROOT/../shared/original-core
  [[ -x $ORIGINAL_CORE/start.sh ]] || ORIGINAL_CORE=/work/shared/original-core
fi
[[ -x $ORIGINAL_CORE/start.sh ]] || { echo "no original core at $ORIGINAL_CORE; set ORIGINAL_CORE" >&2; exit 2; }
PORT=${PORT:-3610}
MVN=${MVN:-./mvnw -B -q}

$MVN test-compile dependency:build-classpath -Dmdep.outputFile=target/cdi-classpath.txt -Dmdep.includeScope=test
CP=target/test-classes:target/classes:$(cat target/cdi-classpath.txt)
kit() { java -cp "$CP" io.authcore.cdi.RecordOriginal "$@"; }

if [[ $# -gt 0 ]]; then versions=("$@"); else read -r -a versions <<<"$(kit --versions)"; fi
trap '"$ORIGINAL_CORE/stop.sh" "$PORT" >/dev/null 2>&1 || true' EXIT
for v in "${versions[@]}"; do
  pid=$("$ORIGINAL_CORE/start.sh" "$PORT" | tail -1)
  kit "http://127.0.0.1:$PORT" "$pid" "$v"
  "$ORIGINAL_CORE/stop.sh" "$PORT" >/dev/null
done
