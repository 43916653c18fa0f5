#!/usr/bin/env bash
# Before the integration-test server starts (ear/pom.xml, pre-integration-test): a Janus for the
# SFU tests on 127.0.0.1:18188 if the `janus` package is installed, and the server's environment
# (target/it-server.env) pointing at it. Inside .ci/run's network namespace there is a veth `rc0`
# (198.18.0.1): Janus gathers ICE candidates there, as it will not use loopback.
set -eu
ear=$(cd "$(dirname "$0")/../../.." && pwd)
target="$ear/target"
mkdir -p "$target"
cp "$ear/src/test/liberty/relaycast-it/server.env" "$target/it-server.env"
if ! command -v janus >/dev/null 2>&1; then
  if [ "${RELAYCAST_REQUIRE_JANUS:-}" = "true" ]; then
    echo "janus is not installed (apt-get install janus)" >&2
    exit 1
  fi
  echo "janus not installed: SFU tests will be skipped"
  exit 0
fi
"$ear/src/test/janus/stop-janus.sh"
iface=""
if ip link show rc0 >/dev/null 2>&1; then iface="--interface rc0"; fi
# setsid: its own session, so nothing that signals the build's process group stops it
setsid nohup "$ear/../liberty-config/janus/run-janus.sh" --port 18188 --session-timeout 15 $iface "$@" \
  > "$target/janus.log" 2>&1 < /dev/null &
echo $! > "$target/janus.pid"
i=0
until (exec 3<>/dev/tcp/127.0.0.1/18188) 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 50 ]; then echo "janus did not start; see $target/janus.log" >&2; exit 1; fi
  sleep 0.2
done
echo "JANUS_URL=ws://127.0.0.1:18188" >> "$target/it-server.env"
echo "janus started on 127.0.0.1:18188 ${iface:-(no ICE interface)}"
