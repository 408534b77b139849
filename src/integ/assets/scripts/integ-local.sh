#!/usr/bin/env bash
# Runs scripts/integ.sh end to end on this machine: the local Cognito-compatible issuer, the compiled
# service and, when the service has an Ingress, the local ALB, all on free loopback ports; every case
# goes through the ALB, so the Ingress paths are tested too. With user sign-in, a dev user is added for
# the run and removed after it. With outbound calls, the service gets its clients' dev credentials, a
# call to its own host goes to it, and the token requests the issuer answered per client are printed.
# Everything started is stopped by its process id.
set -euo pipefail

# shellcheck source=scripts/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-processes.sh"

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Removes the run's dev user, then stops the processes.
finish() {
  if [[ -n "${INTEG_USER:-}" ]]; then
    "$KIT" issuer users remove "$INTEG_USER" >/dev/null || true
  fi
  cleanup
  rm -f "${ISSUER_LOG:-}"
}

# Prints, for each app client of the outbound calls, how many token requests the issuer answered with 200.
report_token_requests() {
  local client calls count
  while IFS=$'\t' read -r client calls; do
    count="$(grep -cF "POST /oauth2/token 200 client=${client} " "$ISSUER_LOG" || true)"
    echo "token requests answered by the local issuer: ${client} ${count} (calls: ${calls})"
  done < <(node -e '
    const calls = require("./.eks-cognito-kit/issuer.json").calls ?? [];
    const byClient = new Map();
    for (const c of calls) byClient.set(c.client, [...(byClient.get(c.client) ?? []), c.name]);
    for (const [client, names] of byClient) console.log(client + "\t" + names.join(" "));')
}

main() {
  cd "$ROOT"
  trap finish EXIT
  local issuer_port service_port alb_port base_url
  issuer_port="$(free_port)"
  service_port="$(free_port)"
  alb_port="$(free_port)"

  ISSUER_LOG="$(mktemp)"
  # The issuer logs one line per request on stderr: shown, and kept to count token requests.
  start_process "$KIT" issuer --port "$issuer_port" --alb-port "$alb_port" 2> >(tee "$ISSUER_LOG" >&2)
  eval "$("$KIT" issuer --print-env --port "$issuer_port" --alb-port "$alb_port" --service-port "$service_port")"
  wait_for "$COGNITO_JWKS_URI" ok

  start_process env PORT="$service_port" node lib/main.js
  base_url="http://127.0.0.1:$service_port"
  wait_for "$base_url/readyz" ok

  if has_ingress; then
    start_process "$KIT" alb --port "$alb_port" --backend "$base_url" --issuer "http://127.0.0.1:$issuer_port"
    base_url="http://localhost:$alb_port"
    wait_for "$base_url/"
  fi
  if [[ -n "${ALB_CLIENT_ID:-}" ]]; then
    INTEG_USER="integ-$(date +%s)-$$@example.com"
    INTEG_PASSWORD="$("$KIT" issuer users add "$INTEG_USER" | sed -n 's/^password: //p')"
    export INTEG_USER INTEG_PASSWORD
  fi

  local status=0
  "$ROOT/scripts/integ.sh" "$base_url" || status=$?
  report_token_requests
  return "$status"
}

main "$@"
