#!/usr/bin/env bash
# Shared by dev.sh and integ-local.sh (sourced): the processes they start, and how to stop and await them.

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
