#!/usr/bin/env bash
# Set up everything the tests need, from a fresh clone, and run them.
#   1. a virtualenv in .venv with newsweave and every optional extra ([all]);
#   2. when run as root (CI, a fresh machine), the Debian packages some tests use: chromium
#      for the browser tests, libxml-parser-perl for the official ROUGE script, PostgreSQL;
#   3. a throwaway PostgreSQL server on loopback for the store tests, when it can be started;
#   4. pytest, with any arguments given to this script.
# Tests whose system package is missing skip and say why; nothing else is optional.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[all]'

if [ "$(id -u)" = 0 ]; then
    bash scripts/install-system-packages.sh
fi
if [ -x scripts/start-postgres.sh ] && [ -z "${NEWSWEAVE_TEST_POSTGRES:-}" ]; then
    NEWSWEAVE_TEST_POSTGRES="$(bash scripts/start-postgres.sh)" || NEWSWEAVE_TEST_POSTGRES=""
    export NEWSWEAVE_TEST_POSTGRES
fi

.venv/bin/python -m pytest "$@"
