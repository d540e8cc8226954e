#!/usr/bin/env bash
# Audit ledger benchmark: appends/s (H2 file, PostgreSQL at 127.0.0.1:5432 db test user postgres) with the chain
# and checkpoints on, and the time to verify a chain of 1,000,000 events on H2. Not a test; prints numbers.
# Usage: scripts/bench-ledger.sh [appends=10000] [verifyEvents=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q test -Dtest=LedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.ledger=true \
    -Dbench.appends="${1:-10000}" -Dbench.verifyEvents="${2:-1000000}" \
    -Dlogback.configurationFile="$PWD/scripts/bench-ledger-logback.xml" \
    | grep -E '^(checkpoint policy|H2|PostgreSQL)'
