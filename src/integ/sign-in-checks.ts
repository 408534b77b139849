/**
 * The part of `scripts/integ.sh` that covers `alb-user` routes: the ALB's redirect to the hosted UI,
 * a real sign-in through the classic hosted UI's form with curl and a cookie jar, the route's answer,
 * and the managed sign-out route.
 */
import type { Route, ServiceModel } from '../spec';

/** The bash variables, functions and `main` lines of the sign-in checks; empty without user sign-in. */
export interface SignInChecks {
  readonly variables: string;
  readonly functions: string;
  readonly mainLines: string;
}

/** Renders the checks for the model's `alb-user` routes, quoting every value with `quote`. */
export function renderSignInChecks(model: ServiceModel, quote: (value: string) => string): SignInChecks {
  const routes = model.routes.filter((r) => r.auth === 'alb-user');
  if (!model.userAuth || routes.length === 0) return { variables: '', functions: '', mainLines: '' };
  const deployedId = model.cognito.deployed?.clientIds[model.userAuth.webClient.name] ?? '';
  const first = routes[0];
  const call = (fn: string, r: Route, label: string) => `  ${fn} ${r.method} ${quote(r.samplePath)} ${quote(`${r.path}: ${label}`)}`;
  const variables = `
# Sign-in checks: the ALB of the sign-in host, the hosted UI and the web client it signs users in with.
# On this machine the local ALB serves every Ingress on BASE_URL; elsewhere the sign-in host is its own.
if [[ "$BASE_URL" =~ ^http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$ ]]; then
  SIGN_IN_URL="\${SIGN_IN_URL:-$BASE_URL}"
else
  SIGN_IN_URL="\${SIGN_IN_URL:-${quote(`https://${model.userAuth.host}`)}}"
fi
HOSTED_UI_URL="\${COGNITO_HOSTED_UI_URL:-${quote(model.cognito.hostedUiUrl)}}"
WEB_CLIENT_ID="\${ALB_CLIENT_ID:-${quote(deployedId)}}"
SIGN_OUT_PATH=${quote(model.userAuth.signOutPath)}
COOKIE_JAR="$(mktemp)"
trap 'rm -f "$COOKIE_JAR" "$COOKIE_JAR.page"' EXIT
`;
  const functions = `
# Prints query parameter $1 of URL $2, percent-decoded.
query_param() {
  local name="$1" pair value pairs
  IFS='&' read -r -a pairs <<< "\${2#*\\?}"
  for pair in "\${pairs[@]}"; do
    if [[ "\${pair%%=*}" == "$name" ]]; then
      value="\${pair#*=}"
      value="\${value//+/ }"
      printf '%b' "\${value//%/\\\\x}"
      return
    fi
  done
}

# Without a session the ALB sends the browser to the hosted UI's authorize endpoint, for the web client,
# with the ALB's own callback.
expect_sign_in_redirect() {
  local method="$1" path="$2" label="$3" result status location
  result="$(curl --silent --output /dev/null --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" \\
    --write-out '%{http_code} %{redirect_url}' -X "$method" "$SIGN_IN_URL$path" || true)"
  status="\${result%% *}"
  location="\${result#* }"
  if [[ "$status" == 302 && "$location" == "$HOSTED_UI_URL/oauth2/authorize?"* && -n "$WEB_CLIENT_ID"
    && "$(query_param client_id "$location")" == "$WEB_CLIENT_ID"
    && "$(query_param redirect_uri "$location")" == "$SIGN_IN_URL/oauth2/idpresponse" ]]; then
    record true 302 "$method" "$label"
  else
    record false 302 "$method" "$label" "$status $location; client id '\${WEB_CLIENT_ID}' (ALB_CLIENT_ID)"
  fi
}

# Signs INTEG_USER in through the hosted UI's form, leaving the ALB's session in the cookie jar.
# Returns 2 when the sign-in page is not the classic hosted UI's form.
sign_in() {
  local path="$1" login_url csrf
  login_url="$(curl --silent --location --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" \\
    --output "$COOKIE_JAR.page" --write-out '%{url_effective}' "$SIGN_IN_URL$path")" || return 1
  csrf="$(grep -o '<input[^>]*name="_csrf"[^>]*>' "$COOKIE_JAR.page" | head -n 1 | sed -n 's/.*value="\\([^"]*\\)".*/\\1/p' || true)"
  [[ -n "$csrf" ]] || return 2
  curl --silent --location --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" --output /dev/null \\
    --data-urlencode "_csrf=$csrf" --data-urlencode "username=$INTEG_USER" \\
    --data-urlencode "password=$INTEG_PASSWORD" "$login_url"
}

# With the session, the route answers 200 JSON naming the signed-in user.
expect_signed_in() {
  local method="$1" path="$2" label="$3" args result
  args=(--silent --output "$COOKIE_JAR.page" --write-out '%{http_code} %{content_type}' --cookie "$COOKIE_JAR" -X "$method")
  if [[ "$method" == POST || "$method" == PUT || "$method" == PATCH ]]; then
    args+=(-H 'Content-Type: application/json' --data '{"sample":"value"}')
  fi
  result="$(curl "\${args[@]}" "$SIGN_IN_URL$path" || true)"
  if [[ "$result" == "200 application/json"* ]] && grep -qiF -- "$INTEG_USER" "$COOKIE_JAR.page"; then
    record true 200 "$method" "$label"
  else
    record false 200 "$method" "$label" "$result, without $INTEG_USER in the body"
  fi
}

# The sign-out route expires the session and sends the browser to the hosted UI's /logout, which ends
# its own session and comes back to the sign-in host.
expect_sign_out() {
  local result status location
  result="$(curl --silent --output /dev/null --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" \\
    --write-out '%{http_code} %{redirect_url}' "$SIGN_IN_URL$SIGN_OUT_PATH" || true)"
  status="\${result%% *}"
  location="\${result#* }"
  if [[ "$status" == 302 && "$location" == "$HOSTED_UI_URL/logout?"*
    && "$(query_param client_id "$location")" == "$WEB_CLIENT_ID"
    && "$(query_param logout_uri "$location")" == "$SIGN_IN_URL/" ]]; then
    record true 302 GET "$SIGN_OUT_PATH: sign-out expires the session and signs out of the hosted UI"
    curl --silent --location --output /dev/null --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" "$location" || true
  else
    record false 302 GET "$SIGN_OUT_PATH: sign-out expires the session and signs out of the hosted UI" "$status $location"
  fi
}

# After sign-out, the route leads to the hosted UI's sign-in form again.
expect_sign_in_again() {
  local method="$1" path="$2" label="$3" landed
  landed="$(curl --silent --location --cookie "$COOKIE_JAR" --cookie-jar "$COOKIE_JAR" \\
    --output "$COOKIE_JAR.page" --write-out '%{url_effective}' -X "$method" "$SIGN_IN_URL$path" || true)"
  if [[ "$landed" == "$HOSTED_UI_URL/login?"* ]] && grep -q 'name="_csrf"' "$COOKIE_JAR.page"; then
    record true 302 "$method" "$label"
  else
    record false 302 "$method" "$label" "landed on $landed"
  fi
}
`;
  const signedIn = routes.map((r) => call('expect_signed_in', r, 'signed in through the hosted UI'));
  const skips = [...routes.map((r) => `${r.method} ${r.path}: signed in`), `GET ${model.userAuth.signOutPath}: sign-out`, `${first.method} ${first.path}: sign-in again`];
  const mainLines = `${routes.map((r) => call('expect_sign_in_redirect', r, 'no session, sent to the hosted UI')).join('\n')}
  if [[ -z "\${INTEG_USER:-}" || -z "\${INTEG_PASSWORD:-}" ]]; then
    skip 'set INTEG_USER and INTEG_PASSWORD to sign in through the hosted UI' ${skips.map(quote).join(' ')}
  else
    local signed_in=0
    sign_in ${quote(first.samplePath)} || signed_in=$?
    if [[ "$signed_in" -eq 2 ]]; then
      skip "the sign-in page at $HOSTED_UI_URL is not the classic hosted UI's form (the domain's ManagedLoginVersion 1)" ${skips.map(quote).join(' ')}
    else
${signedIn.map((l) => `    ${l}`).join('\n')}
      expect_sign_out
    ${call('expect_sign_in_again', first, 'after sign-out, asked to sign in again')}
    fi
  fi`;
  return { variables, functions, mainLines };
}
