#!/usr/bin/env bash
# Local development loop: the Cognito-compatible issuer and the compiled service, configured from the
# issuer's own credentials. Ctrl-C stops both.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIT="$ROOT/node_modules/.bin/eks-cognito-kit"
PIDS=()

# Stops every process this script started.
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}

main() {
  cd "$ROOT"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  "$KIT" issuer &
  PIDS+=("$!")
  eval "$("$KIT" issuer --print-env)"
  node lib/main.js &
  PIDS+=("$!")

  echo
  echo "Service: http://localhost:${PORT:-8080}   Token endpoint: $TOKEN_ENDPOINT"
  echo "In another shell, to get tokens and run the integration script:"
  echo "  eval \"\$(npx eks-cognito-kit issuer --print-env)\" && scripts/integ.sh"
  echo
  wait -n "${PIDS[@]}"
}

main "$@"
