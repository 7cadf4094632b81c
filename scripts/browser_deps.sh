#!/usr/bin/env bash
# Chromium for the browser tests (tests/browser), from the system's packages, where it is missing.
# Playwright drives it through its executable path: nothing downloads a browser. Where it cannot be
# installed (no apt, not root), the browser tests skip and say why.
set -uo pipefail

if [ -n "${RIFTWALKER_CHROMIUM:-}" ] && [ -x "${RIFTWALKER_CHROMIUM}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser tests: no Chromium and no apt-get here; they will be skipped"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "browser tests: no Chromium; install it with 'apt-get install chromium' (as root) to run them"
    exit 0
  fi
else
  SUDO=
fi
echo "browser tests: installing Chromium from the system's packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null \
  || echo "browser tests: Chromium could not be installed; they will be skipped"
exit 0
