#!/usr/bin/env bash
# Type-checks, lints, runs every test (vitest: the standalone and integration projects) and ends with one line
# `N passed, N failed` so a CI log shows the size of the run at a glance.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
mkdir -p .data
results=.data/test-results.json
rm -f "$results"
# Types first, then lint (eslint.config.mjs): either failing fails the run even when every test passes.
npx tsc --noEmit -p . && npx tsc --noEmit -p console
types=$?
npm run --silent lint
lint=$?
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@"
status=$?
[ "$types" -eq 0 ] || { echo "typecheck failed (see above)"; [ "$status" -ne 0 ] || status=$types; }
[ "$lint" -eq 0 ] || { echo "lint failed (see above)"; [ "$status" -ne 0 ] || status=$lint; }
if [ -s "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$repo/$results"
else
  echo "0 passed, 0 failed"
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
