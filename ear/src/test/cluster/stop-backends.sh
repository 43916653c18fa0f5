#!/usr/bin/env bash
# After the integration tests (and before a new start): stops the tests' Redis, PostgreSQL, OpenID
# Connect provider and S3 server.
ear=$(cd "$(dirname "$0")/../../.." && pwd)
dir="$ear/target/backends"
if [ -f "$dir/redis.pid" ]; then
  kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  rm -f "$dir/redis.pid"
fi
if [ -f "$dir/oidc.pid" ]; then
  # run-test-provider.sh execs node: the pid is the provider's
  kill "$(cat "$dir/oidc.pid")" 2>/dev/null || true
  rm -f "$dir/oidc.pid"
fi
if [ -f "$dir/s3proxy.pid" ]; then
  kill "$(cat "$dir/s3proxy.pid")" 2>/dev/null || true
  rm -f "$dir/s3proxy.pid"
fi
pg=$(cat "$dir/pgdir" 2>/dev/null || true)
if [ -n "$pg" ] && [ -f "$pg/data/postmaster.pid" ]; then
  pid=$(head -1 "$pg/data/postmaster.pid")
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
fi
if [ -n "$pg" ]; then rm -rf "$pg"; fi
exit 0
