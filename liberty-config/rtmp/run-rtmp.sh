#!/usr/bin/env sh
# Starts Relaycast's RTMP ingest in the foreground: nginx with Debian's libnginx-mod-rtmp, calling
# back to Relaycast, and for each publication an ffmpeg bridge into the stream's Janus room.
#   liberty-config/rtmp/run-rtmp.sh [--port 1935] [--server http://localhost:9080] [--rtp-host HOST]
#                                   [--control-port 1936] [--log-dir DIR]
# Encoders publish to rtmp://<host>:<port>/live/<stream key>. The RTP goes to the host of
# JANUS_URL (what Relaycast reports if unset); --rtp-host overrides both. The bridges log to
# DIR/bridge.log (a new temporary directory by default). The bridges drop encoders through
# nginx-rtmp's control API on 127.0.0.1:<control port>.
# Needs: apt-get install nginx libnginx-mod-rtmp ffmpeg curl
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=1935
control_port=1936
server=http://localhost:9080
rtp_host=""
log_dir=""
if [ -n "${JANUS_URL:-}" ]; then
  rtp_host=$(echo "$JANUS_URL" | sed -E 's|^[a-z]+://(\[[^]]*\]\|[^:/]*).*|\1|')
fi
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --server) server="${2%/}"; shift 2 ;;
    --rtp-host) rtp_host="$2"; shift 2 ;;
    --log-dir) log_dir="$2"; shift 2 ;;
    --control-port) control_port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || {
  echo "nginx-rtmp is not installed (apt-get install nginx libnginx-mod-rtmp)" >&2; exit 1; }
for c in nginx ffmpeg ffprobe curl; do
  command -v $c >/dev/null 2>&1 || { echo "$c is not installed" >&2; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/relaycast-rtmp.XXXXXX")
log_dir=$(mkdir -p "${log_dir:-$dir}" && cd "${log_dir:-$dir}" && pwd)
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
sed -e "s|@DIR@|$dir|g" -e "s|@LISTEN@|$port|" -e "s|@PORT@|$port|" -e "s|@CONTROL_PORT@|$control_port|g" -e "s|@SERVER@|$server|g" \
    -e "s|@BRIDGE@|$here/bridge.sh|" -e "s|@RTP_HOST@|${rtp_host:--}|" -e "s|@USER_LINE@|$user_line|" -e "s|@LOG@|$log_dir/bridge.log|" \
    "$here/nginx-rtmp.conf" > "$dir/nginx.conf"
echo "RTMP ingest on port $port, calling back $server (RTP to ${rtp_host:-what Relaycast reports});"\
  "bridges log to $log_dir/bridge.log"
exec nginx -p "$dir" -c "$dir/nginx.conf" -e stderr
