#!/usr/bin/env bash
# Shared by dev.sh and integ-local.sh (sourced): the processes they start, and how to await and stop them.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
KIT="$ROOT/node_modules/.bin/eks-cognito-kit"
PIDS=()

# Stops every process started through start_process, and waits for each to exit.
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}

# Starts a command in the background and remembers its process id for cleanup.
start_process() {
  "$@" &
  PIDS+=("$!")
}

# Waits up to 15 s for a URL to answer at all (any status), or with 2xx when $2 is "ok".
wait_for() {
  local url="$1" want="${2:-any}" attempt args=(--silent --output /dev/null)
  if [[ "$want" == ok ]]; then
    args+=(--fail)
  fi
  for attempt in $(seq 1 150); do
    if curl "${args[@]}" "$url"; then
      return 0
    fi
    sleep 0.1
  done
  echo "timed out after ${attempt} attempts waiting for $url" >&2
  return 1
}

# Whether the generated manifests have an Ingress, which the local ALB serves.
has_ingress() {
  compgen -G "$ROOT/k8s/ingress-*.yaml" >/dev/null
}
