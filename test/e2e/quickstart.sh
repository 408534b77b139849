#!/usr/bin/env bash
# The kit's main job end to end from this checkout: pack the kit and create-eks-cognito-kit, scaffold a
# demo service from the two tarballs as `npm create eks-cognito-kit@latest demo-api -- --yes` does,
# install it, run its unit tests and its integration script against the local issuer.
# Usage: test/e2e/quickstart.sh [WORK_DIR]   (default .tmp/quickstart; the demo lands in WORK_DIR/demo-api)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-$ROOT/.tmp/quickstart}"

# Fails early, with the fix, on a Node.js older than the kit supports.
check_node() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (!(a > 22 || (a === 22 && b >= 18))) { console.error("Node.js >= 22.18 is required (found " + process.versions.node + "); install Node 24 LTS."); process.exit(1); }'
}

# Installs the kit's dependencies from the lockfile when this is a fresh clone, then compiles and packs
# the kit and the create package.
pack_kit() {
  cd "$ROOT"
  if [[ ! -d node_modules/projen ]]; then
    echo "==> npm ci (kit dependencies)"
    npm ci --no-audit --no-fund
  fi
  echo "==> compile and pack the kit"
  npx projen compile >/dev/null
  rm -rf "$WORK"
  mkdir -p "$WORK"
  npm pack --silent --pack-destination "$WORK" >/dev/null
  (cd packages/create-eks-cognito-kit && npm pack --silent --pack-destination "$WORK" >/dev/null)
}

main() {
  check_node
  pack_kit
  local kit create
  kit="$(ls "$WORK"/eks-cognito-kit-*.tgz)"
  create="$(ls "$WORK"/create-eks-cognito-kit-*.tgz)"
  # What `npm create eks-cognito-kit@latest demo-api -- --yes` runs, with both packages from this checkout.
  echo "==> npm exec create-eks-cognito-kit demo-api --yes --kit-spec $kit"
  (cd "$WORK" && npm exec --yes --package="$create" --package="$kit" -- create-eks-cognito-kit demo-api --yes --kit-spec "$kit")
  cd "$WORK/demo-api"
  echo "==> npm test (generated unit tests)"
  npm test
  echo "==> npm run integ (local issuer + service + scripts/integ.sh)"
  npm run integ
}

main "$@"
