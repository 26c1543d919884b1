#!/usr/bin/env bash
# `npm test`: everything, in order — typecheck, lint, format, unit + DOM tests, build and store
# packages (`npm run package`: both builds, the zips, web-ext lint of the Firefox package
# with no error or warning), browser (e2e) tests on the build (installing Chromium and
# Firefox ESR first when missing, as root with apt-get: scripts/ensure-browsers.sh), then a
# subset of them on the packages (scripts/test-packages.mjs) — then one summary line over
# all vitest tiers:
#   N passed, N failed[, N skipped]
# (the tests the package subset leaves out are not counted as skipped).
# Every step runs even after a failure (so one run shows every problem); the exit status
# is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS=out/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_steps=()
t_start=$SECONDS

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
record() { # name, exit status
  if [ "$2" -ne 0 ]; then failed_steps+=("$1"); printf '\033[31m%s failed (exit %s)\033[0m\n' "$1" "$2"; fi
}

if [ ! -d node_modules ]; then
  step "npm ci"
  npm ci --no-audit --no-fund || { echo "npm ci failed"; exit 1; }
fi

step "typecheck"
npm run --silent typecheck; record typecheck $?

step "lint"
# A missing config is a failure, not a skip: without it ESLint would check nothing of ours
# (no import boundaries, no TypeScript rules) and the step would pass.
if [ -f eslint.config.js ]; then
  npm run --silent lint; record lint $?
else
  echo "eslint.config.js is missing: lint cannot run"; record lint 1
fi

step "format"
# Prettier's check (.prettierrc.json); `npm run format` rewrites what it reports.
npm run --silent format:check; record format $?

step "unit + DOM tests"
npx vitest run --project unit --project dom --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"
record "unit/DOM tests" $?

step "build + store packages (npm run package)"
npm run --silent package; record "build/package" $?

step "browser tests (e2e)"
bash scripts/ensure-browsers.sh
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$RESULTS/e2e.json"
record "e2e tests" $?

step "e2e tests against the store packages (a subset: scripts/test-packages.mjs)"
# The packages of the step above; it fails with a message when they were not written.
node scripts/test-packages.mjs --no-package --json "$RESULTS/packages.json"
record "e2e on the packages" $?

# One line over every tier. A test file that failed to load counts as one failed test.
# The package run (subset:) selects tests by name: the ones it leaves out are not skips.
summary=$(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const arg of process.argv.slice(1)) {
    const subset = arg.startsWith("subset:"), f = subset ? arg.slice(7) : arg;
    if (!fs.existsSync(f)) { failed += 1; continue; }          // the tier crashed before reporting
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
    if (!subset) skipped += r.numPendingTests + r.numTodoTests;
    for (const s of r.testResults) if (s.status === "failed" && s.assertionResults.length === 0) failed += 1;
  }
  process.stdout.write(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$RESULTS/unit.json" "$RESULTS/e2e.json" "subset:$RESULTS/packages.json")

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  joined=$(printf '%s, ' "${failed_steps[@]}")
  printf '\033[31mFailed steps: %s\033[0m (%ss)\n' "${joined%, }" "$((SECONDS - t_start))"
else
  printf 'All steps passed (%ss)\n' "$((SECONDS - t_start))"
fi
echo "$summary"
[ ${#failed_steps[@]} -eq 0 ]
