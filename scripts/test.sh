#!/usr/bin/env bash
# The full test suite, from a fresh machine: set up, build, lint, type-check, then the unit,
# integration (real pwsh + lab, real Samba AD DC), hostile-input and end-to-end (Chromium)
# suites. `scripts/test.sh e2e` runs only the end-to-end suite (after the same set-up and build).
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
bash scripts/setup.sh || exit 1
export FERRY_PWSH="$PWD/.tools/pwsh/pwsh"
export FERRY_CHROMIUM=/usr/bin/chromium
mkdir -p test-results

status=0
step() {
  local name=$1; shift
  local started=$SECONDS
  echo "=== $name"
  if "$@"; then echo "=== $name: ok ($((SECONDS - started)) s)"; else echo "=== $name: FAILED ($((SECONDS - started)) s)"; status=1; fi
}

step build node scripts/build.mjs
if [ "$mode" = all ]; then
  step lint npx eslint --max-warnings=0 .
  step unused-exports npx tsx scripts/unused-exports.ts
  step typecheck node scripts/typecheck.mjs
  projects=(unit integration integration-samba hostile e2e)
else
  projects=(e2e)
fi
for p in "${projects[@]}"; do
  step "$p tests" npx vitest run --project "$p" --reporter=default --reporter=json --outputFile="test-results/vitest-$p.json"
done
node scripts/test-summary.mjs "${projects[@]}" || status=1
exit $status
