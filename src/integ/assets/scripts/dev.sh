#!/usr/bin/env bash
# Local development loop: the Cognito-compatible issuer, the compiled service configured from the
# issuer's own credentials, and the local ALB in front of it when the service has an Ingress.
# Ports: PORT (service, 8080), ALB_PORT (local ALB, 8081); the issuer's is in .projenrc.ts. Ctrl-C stops all.
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
  wait_for "http://127.0.0.1:${PORT:-8080}/readyz" ok
  local front="http://localhost:${PORT:-8080}"
  if has_ingress; then
    # Prints the Ingresses it serves and, with user sign-in, the "Sign in: <url>" line.
    start_process "$KIT" alb
    front="http://localhost:${ALB_PORT:-8081}"
    wait_for "$front/"
  fi

  echo
  echo "Service: http://localhost:${PORT:-8080}   Through the Ingresses: $front   Token endpoint: $TOKEN_ENDPOINT"
  echo "In another shell, to get tokens and run the integration script:"
  echo "  eval \"\$(npx eks-cognito-kit issuer --print-env)\" && scripts/integ.sh $front"
  echo
  wait -n "${PIDS[@]}"
}

main "$@"
