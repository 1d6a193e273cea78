#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/test_web_browser.py), which Playwright drives
# at /usr/bin/chromium: Playwright's own browser download is never used.
# Installs it with apt-get when it is missing and this runs as root; otherwise says how.
set -euo pipefail
CHROMIUM="${NEWSWEAVE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  if [ ! -x "$CHROMIUM" ]; then
    echo "note: chromium installed but $CHROMIUM is missing: the browser tests will be skipped"
  fi
else
  echo "note: browser tests are skipped: run 'sudo apt-get install chromium' (Debian/Ubuntu)"
fi
