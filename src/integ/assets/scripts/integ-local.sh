#!/usr/bin/env bash
# Runs scripts/integ.sh end to end on this machine: the local Cognito-compatible issuer and the compiled
# service on free loopback ports, then stops both by their process ids.
set -euo pipefail

# shellcheck source=scripts/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-processes.sh"

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Waits up to 15 s for a URL to answer 2xx.
wait_for() {
  local url="$1" attempt
  for attempt in $(seq 1 150); do
    if curl --silent --fail --output /dev/null "$url"; then
      return 0
    fi
    sleep 0.1
  done
  echo "timed out after ${attempt} attempts waiting for $url" >&2
  return 1
}

main() {
  cd "$ROOT"
  trap cleanup EXIT
  local issuer_port service_port
  issuer_port="$(free_port)"
  service_port="$(free_port)"

  start_process "$KIT" issuer --port "$issuer_port"
  eval "$("$KIT" issuer --print-env --port "$issuer_port")"
  wait_for "$COGNITO_JWKS_URI"

  start_process env PORT="$service_port" node lib/main.js
  wait_for "http://127.0.0.1:$service_port/readyz"

  "$ROOT/scripts/integ.sh" "http://127.0.0.1:$service_port"
}

main "$@"
