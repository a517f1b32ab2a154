#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/serve/test_browser.py), only when
# /usr/bin/chromium is missing. Playwright drives it through its executable path, so no
# browser is ever downloaded by `playwright install`. Needs root (or sudo).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: /usr/bin/chromium" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
/usr/bin/chromium --version
