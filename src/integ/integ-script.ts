/**
 * Renders `scripts/integ.sh`: the same 401/403/200 checks as the unit tests, over HTTP, against a local
 * or remote deployment.
 */
import type { ServiceModel } from '../spec';
import { integCases } from './integ-cases';
import { renderSignInChecks } from './sign-in-checks';

/** Text of `scripts/integ.sh`. */
export function renderIntegScript(model: ServiceModel): string {
  const { cases, skipped } = integCases(model);
  const clients = [...new Set(cases.flatMap((c) => (c.client ? [c.client] : [])))];
  const caseLines = cases.map((c) => {
    const token = c.client ? ` "$TOKEN_${c.client}"` : '';
    return `  expect ${c.status} ${c.route.method} ${quote(c.route.samplePath)} ${quote(`${c.route.path}: ${c.label}`)}${token}`;
  });
  const skipLines = skipped.map((s) => `  skip ${quote(s.reason)} ${quote(`${s.route.method} ${s.route.path}`)}`);
  const signIn = renderSignInChecks(model, quote);
  return `#!/usr/bin/env bash
# Integration test of ${model.name}: for every route, 401 without a token, 403 with a token that lacks the
# route's scopes, 200 (JSON) with one that has them.${signIn.mainLines ? `
# Routes behind user sign-in: the redirect to the hosted UI, and with INTEG_USER and INTEG_PASSWORD a
# sign-in through its form, the route's answer, sign-out, and sign-in asked again.` : ''}
# Usage: scripts/integ.sh [BASE_URL]            (default http://localhost:${model.workload.port})
# Tokens: access_token_<client> when exported (for example access_token_read), otherwise fetched from
# TOKEN_ENDPOINT with CLIENT_CREDENTIALS_<CLIENT> (Base64 of client-id:client-secret).
set -euo pipefail

BASE_URL="\${1:-http://localhost:${model.workload.port}}"
PASSED=0
FAILED=0
SKIPPED=0
${signIn.variables}
# Prints an access token for client $1 (READ, WRITE, ...).
token() {
  local client="$1"
  local preset="access_token_\${client,,}" credentials="CLIENT_CREDENTIALS_\${client}"
  if [[ -n "\${!preset:-}" ]]; then
    printf '%s' "\${!preset}"
    return
  fi
  if [[ -z "\${TOKEN_ENDPOINT:-}" || -z "\${!credentials:-}" ]]; then
    echo "set TOKEN_ENDPOINT and \${credentials}, or export \${preset}" >&2
    return 1
  fi
  curl --silent --show-error --fail -X POST "$TOKEN_ENDPOINT" \\
    -H "Authorization: Basic \${!credentials}" \\
    -H 'Content-Type: application/x-www-form-urlencoded' \\
    -d 'grant_type=client_credentials' | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p'
}

# Records one case: $1 true or false, then the expected status, the method, the label and what was seen.
record() {
  local ok="$1" want="$2" method="$3" label="$4" got="\${5:-}"
  if [[ "$ok" == true ]]; then
    PASSED=$((PASSED + 1))
    echo "PASS $want $method $label"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $want $method $label (got $got)"
  fi
}

# Counts the cases named after the reason $1 as skipped, never as passed.
skip() {
  local reason="$1" name
  shift
  for name in "$@"; do
    SKIPPED=$((SKIPPED + 1))
    echo "SKIP $name: $reason"
  done
}
${signIn.functions}
# Sends one request and records whether the status (and, for 200, the JSON content type) is as expected.
expect() {
  local want="$1" method="$2" path="$3" label="$4" bearer="\${5:-}"
  local args=(--silent --output /dev/null --write-out '%{http_code} %{content_type}' -X "$method" "$BASE_URL$path")
  if [[ -n "$bearer" ]]; then
    args+=(-H "Authorization: Bearer $bearer")
  fi
  if [[ "$method" == POST || "$method" == PUT || "$method" == PATCH ]]; then
    args+=(-H 'Content-Type: application/json' --data '{"sample":"value"}')
  fi
  local result status content_type
  result="$(curl "\${args[@]}" || true)"
  status="\${result%% *}"
  content_type="\${result#* }"
  if [[ "$status" == "$want" && ( "$want" != 200 || "$content_type" == application/json* ) ]]; then
    record true "$want" "$method" "$label"
  else
    record false "$want" "$method" "$label" "\${status:-no answer} \${content_type:-}"
  fi
}

main() {
${clients.map((c) => `  TOKEN_${c}="$(token ${c})"`).join('\n') || '  :'}
${caseLines.join('\n')}
${signIn.mainLines}
${skipLines.join('\n')}
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
  [[ "$FAILED" -eq 0 ]]
}

main "$@"
`.replace(/\n\n\n/g, '\n\n');
}

/** Single-quotes a value for bash. */
function quote(value: string): string {
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}
