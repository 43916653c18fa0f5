#!/usr/bin/env sh
# Starts a local Janus (Debian package `janus`) for Relaycast's SFU mode, in the foreground.
#   liberty-config/janus/run-janus.sh [--interface IF] [--port 8188] [--public-ip IP] [--session-timeout 60]
#                                     [--videoroom-config FILE] [--event-loops N]
# then run Relaycast with JANUS_URL=ws://127.0.0.1:8188. Optional: JANUS_API_SECRET and
# JANUS_ADMIN_KEY in the environment are written into the configuration (give Relaycast the same).
# --interface restricts ICE to one interface (tests use a veth inside their network namespace);
# --public-ip sets nat_1_1_mapping for a server behind NAT (see docs/operations.md).
# --videoroom-config uses another VideoRoom configuration, e.g. Debian's stock
# /etc/janus/janus.plugin.videoroom.jcfg (numeric room ids): Relaycast works with both.
# --event-loops sets Janus's media threads (default: one per core; 0 = Janus's own default, a thread
# per PeerConnection, which a large audience pays for in context switches).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=8188
session_timeout=60
iface=""
public_ip=""
videoroom=""
event_loops=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
  case "$1" in
    --interface) iface="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --public-ip) public_ip="$2"; shift 2 ;;
    --session-timeout) session_timeout="$2"; shift 2 ;;
    --videoroom-config) videoroom="$2"; shift 2 ;;
    --event-loops) event_loops="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v janus >/dev/null 2>&1 || { echo "janus is not installed (apt-get install janus)" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/relaycast-janus.XXXXXX")
for f in "$here"/*.jcfg; do
  sed -e "s|@CONFIG_DIR@|$dir|" \
      -e "s|@WS_PORT@|$port|" \
      -e "s|@SESSION_TIMEOUT@|$session_timeout|" \
      -e "s|@API_SECRET_LINE@|${JANUS_API_SECRET:+api_secret = \"$JANUS_API_SECRET\"}|" \
      -e "s|@ADMIN_KEY_LINE@|${JANUS_ADMIN_KEY:+admin_key = \"$JANUS_ADMIN_KEY\"}|" \
      -e "s|@ICE_LINE@|${iface:+ice_enforce_list = \"$iface\"}|" \
      -e "s|@EVENT_LOOPS_LINE@|$( [ "$event_loops" -gt 0 ] && echo "event_loops = $event_loops")|" \
      -e "s|@NAT_LINE@|${public_ip:+nat_1_1_mapping = \"$public_ip\"}|" \
      "$f" > "$dir/$(basename "$f")"
done
if [ -n "$videoroom" ]; then cp "$videoroom" "$dir/janus.plugin.videoroom.jcfg"; fi
exec janus -F "$dir" --disable-colors
