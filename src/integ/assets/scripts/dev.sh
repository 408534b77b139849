#!/usr/bin/env bash
# Local development loop: the Cognito-compatible issuer and the compiled service, configured from the
# issuer's own credentials. Ctrl-C stops both.
set -euo pipefail

# shellcheck source=scripts/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-processes.sh"

main() {
  cd "$ROOT"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  start_process "$KIT" issuer
  eval "$("$KIT" issuer --print-env)"
  start_process node lib/main.js

  echo
  echo "Service: http://localhost:${PORT:-8080}   Token endpoint: $TOKEN_ENDPOINT"
  echo "In another shell, to get tokens and run the integration script:"
  echo "  eval \"\$(npx eks-cognito-kit issuer --print-env)\" && scripts/integ.sh"
  echo
  wait -n "${PIDS[@]}"
}

main "$@"
