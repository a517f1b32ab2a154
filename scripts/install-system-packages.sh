#!/usr/bin/env bash
# Debian packages used by some tests, installed only when missing (needs root):
# chromium (browser tests, driven by Playwright through its executable path; no browser
# download), libxml-parser-perl (the official ROUGE-1.5.5 script), postgresql (store tests).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
perl -MXML::Parser -e1 2>/dev/null || missing+=(libxml-parser-perl)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
