#!/usr/bin/env sh
# After the integration tests (and before a new start): stops the tests' Janus, if one runs.
ear=$(cd "$(dirname "$0")/../../.." && pwd)
pidfile="$ear/target/janus.pid"
if [ -f "$pidfile" ]; then
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
fi
exit 0
