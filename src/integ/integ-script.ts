/**
 * Renders `scripts/integ.sh`: the same 401/403/200 checks as the unit tests, over HTTP, against a local
 * or remote deployment.
 */
import type { ServiceModel } from '../spec';
import { integCases } from './integ-cases';

/** Text of `scripts/integ.sh`. */
export function renderIntegScript(model: ServiceModel): string {
  const { cases, skipped } = integCases(model);
  const clients = [...new Set(cases.flatMap((c) => (c.client ? [c.client] : [])))];
  const caseLines = cases.map((c) => {
    const token = c.client ? ` "$TOKEN_${c.client}"` : '';
    return `  expect ${c.status} ${c.route.method} ${quote(c.route.samplePath)} ${quote(`${c.route.path}: ${c.label}`)}${token}`;
  });
  const skipLines = skipped.map((s) => `  echo ${quote(`SKIP ${s.route.method} ${s.route.path}: ${s.reason}`)}`);
  return `#!/usr/bin/env bash
# Integration test of ${model.name}: for every route, 401 without a token, 403 with a token that lacks the
# route's scopes, 200 (JSON) with one that has them.
# Usage: scripts/integ.sh [BASE_URL]            (default http://localhost:${model.workload.port})
# Tokens: access_token_<client> when exported (for example access_token_read), otherwise fetched from
# TOKEN_ENDPOINT with CLIENT_CREDENTIALS_<CLIENT> (Base64 of client-id:client-secret).
set -euo pipefail

BASE_URL="\${1:-http://localhost:${model.workload.port}}"
PASSED=0
FAILED=0

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
    PASSED=$((PASSED + 1))
    echo "PASS $want $method $label"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $want $method $label (got \${status:-no answer} \${content_type:-})"
  fi
}

main() {
${clients.map((c) => `  TOKEN_${c}="$(token ${c})"`).join('\n') || '  :'}
${caseLines.join('\n')}
${skipLines.join('\n')}
  echo "$PASSED passed, $FAILED failed"
  [[ "$FAILED" -eq 0 ]]
}

main "$@"
`.replace(/\n\n\n/g, '\n\n');
}

/** Single-quotes a value for bash. */
function quote(value: string): string {
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}
