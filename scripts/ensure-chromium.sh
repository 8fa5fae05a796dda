#!/usr/bin/env bash
# Makes sure the Chromium that Playwright launches exists (playwright.config.ts
# uses $CHROMIUM_PATH, else Debian's /usr/bin/chromium; `npx playwright install`
# cannot download browsers on our closed network).
#
# Missing and we are root with apt-get: installs Debian's chromium package,
# quietly (its log is shown only if the installation fails). Otherwise prints
# one line saying what to install and exits 1.
set -euo pipefail

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if [[ -x "$CHROMIUM_PATH" ]]; then
    exit 0
  fi
  echo "Chromium is missing: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; point it at a Chromium binary or unset it to use Debian's /usr/bin/chromium" >&2
  exit 1
fi

target=/usr/bin/chromium
if [[ -x "$target" ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package (apt-get, about a minute)..."
  log="$(mktemp "${TMPDIR:-/tmp}/putuo-apt-chromium.XXXXXX.log")"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq chromium </dev/null; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2 || true
    echo "Chromium is missing: apt-get install chromium failed (log: $log); install Debian's chromium package or set CHROMIUM_PATH" >&2
    exit 1
  fi
  rm -f "$log"
  if [[ ! -x "$target" ]]; then
    echo "Chromium is missing: the chromium package installed, but $target is not executable; set CHROMIUM_PATH" >&2
    exit 1
  fi
  echo "Chromium installed: $("$target" --version 2>/dev/null || echo "$target")"
  exit 0
fi

echo "Chromium is missing: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH" >&2
exit 1
