#!/usr/bin/env bash
# The one test command (`npm test`). Runs every check in order and stops at the
# first failure:
#
#   1. dependencies   npm install, only when node_modules is missing or older
#                     than package-lock.json (`npm ci` fails on our lockfile)
#   2. chromium       scripts/ensure-chromium.sh
#   3. typecheck      tsc --noEmit (incremental, cache in .cache/)
#   4. lint           eslint . --max-warnings=0 (cached in .cache/)
#   5. build          remix build
#   6. vitest         vitest run (unit, integration, database suites; the
#                     PostgreSQL suite too when TEST_DATABASE_URL is set)
#   7. playwright     playwright test (the built server on embedded PGlite)
#
# The build runs before vitest because tests/integration/server.test.ts starts
# the built server (build/index.js) and must test this build, not a stale one.
#
# Skip steps with TEST_SKIP="lint playwright" (names as above) when iterating.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

if [[ -t 1 ]]; then
  bold=$'\e[1m' red=$'\e[31m' green=$'\e[32m' reset=$'\e[0m'
else
  bold="" red="" green="" reset=""
fi

timings=()
run_started=$SECONDS

summary() {
  echo
  echo "${bold}Timings${reset}"
  for line in "${timings[@]}"; do echo "  $line"; done
  echo "  total: $((SECONDS - run_started)) s"
}

# step <name> <title> <command...>: one heading, the command's own output, a result line.
step() {
  local name=$1 title=$2
  shift 2
  if [[ " ${TEST_SKIP:-} " == *" $name "* ]]; then
    echo
    echo "${bold}==> $title: skipped (TEST_SKIP)${reset}"
    timings+=("$(printf '%-13s skipped' "$name")")
    return 0
  fi
  echo
  echo "${bold}==> $title${reset}"
  local started=$SECONDS status=0
  "$@" || status=$?
  local took=$((SECONDS - started))
  timings+=("$(printf '%-13s %4d s' "$name" "$took")")
  if [[ $status -ne 0 ]]; then
    echo
    echo "${red}${bold}✗ $title failed (exit $status, ${took} s)${reset}"
    summary
    exit "$status"
  fi
  echo "${green}✓ $title (${took} s)${reset}"
}

install_dependencies() {
  if [[ -d node_modules && -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "node_modules is up to date with package-lock.json"
    return 0
  fi
  npm install --no-audit --no-fund
  # npm may rewrite package-lock.json after node_modules/.package-lock.json;
  # mark the install as newer so the next run does not install again.
  touch node_modules/.package-lock.json
}

step dependencies "Dependencies" install_dependencies
step chromium "Chromium for Playwright" bash scripts/ensure-chromium.sh
# Both keep a cache in .cache/ (git-ignored) so that a second run only re-checks what changed.
step typecheck "Typecheck (tsc --noEmit)" tsc --noEmit --incremental --tsBuildInfoFile .cache/tsc.tsbuildinfo
step lint "Lint (eslint . --max-warnings=0)" eslint . --max-warnings=0 --cache --cache-location .cache/eslint/
step build "Build (remix build)" remix build
step vitest "Unit and integration tests (vitest run)" vitest run
step playwright "End-to-end tests (playwright test)" playwright test

summary
echo "${green}${bold}All checks passed.${reset}"
