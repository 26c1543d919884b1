#!/usr/bin/env bash
# `npm test`: everything, in order — typecheck, lint, unit + DOM tests, build, web-ext lint
# of the Firefox build, browser (e2e) tests (installing Chromium and Firefox ESR first when
# missing, as root with apt-get: scripts/ensure-browsers.sh) — then one summary line over
# all vitest tiers:
#   N passed, N failed[, N skipped]
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

step "unit + DOM tests"
npx vitest run --project unit --project dom --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"
record "unit/DOM tests" $?

step "build"
npm run --silent build; record build $?

step "web-ext lint (dist/firefox)"
if [ -f dist/firefox/manifest.json ]; then
  npx web-ext lint --source-dir dist/firefox --self-hosted --output json --no-config-discovery >"$RESULTS/web-ext-lint.json" 2>"$RESULTS/web-ext-lint.log"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const show = (kind, list) => list.forEach((m) => console.log(`  ${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ""}`));
    show("error  ", r.errors); show("warning", r.warnings);
    console.log(`web-ext lint: ${r.count} messages, ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
    process.exit(r.summary.errors > 0 ? 1 : 0);
  ' "$RESULTS/web-ext-lint.json"
  record "web-ext lint" $?
else
  echo "dist/firefox is missing (build failed?)"; record "web-ext lint" 1
fi

step "browser tests (e2e)"
bash scripts/ensure-browsers.sh
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$RESULTS/e2e.json"
record "e2e tests" $?

# One line over every tier. A test file that failed to load counts as one failed test.
summary=$(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed += 1; continue; }          // the tier crashed before reporting
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    for (const s of r.testResults) if (s.status === "failed" && s.assertionResults.length === 0) failed += 1;
  }
  process.stdout.write(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$RESULTS/unit.json" "$RESULTS/e2e.json")

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  joined=$(printf '%s, ' "${failed_steps[@]}")
  printf '\033[31mFailed steps: %s\033[0m (%ss)\n' "${joined%, }" "$((SECONDS - t_start))"
else
  printf 'All steps passed (%ss)\n' "$((SECONDS - t_start))"
fi
echo "$summary"
[ ${#failed_steps[@]} -eq 0 ]
