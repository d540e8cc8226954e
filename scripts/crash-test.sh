#!/usr/bin/env bash
# Issue 4's crash test at full size: 500 notices to the three simulated partners while the gateway is killed with
# SIGKILL 5 times at random moments and restarted. Passes when every exchange ends ACKNOWLEDGED and each partner
# received each message id once (duplicates only with the same id, absorbed).
#   scripts/crash-test.sh [NOTICES] [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
notices="${1:-500}"; kills="${2:-5}"; seed="${3:-$RANDOM}"
echo "crash test: $notices notices, $kills kills, seed $seed (gateway logs in target/crash-flow-*.log)"
mvn -B -ntp -q test -Dtest='GatewayCrashRecoveryTest#noticesFlowingThroughRepeatedKillsAreEachDeliveredExactlyOnceAndNoneIsLeftOpen' \
  -Dpassage.crash.notices="$notices" -Dpassage.crash.kills="$kills" -Dpassage.crash.seed="$seed" \
  -DargLine="-Dpassage.crash.notices=$notices -Dpassage.crash.kills=$kills -Dpassage.crash.seed=$seed"
echo "crash test passed"
