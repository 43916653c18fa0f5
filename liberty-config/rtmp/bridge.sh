#!/usr/bin/env sh
# The RTMP bridge, started by nginx-rtmp (exec_push) for each publication and stopped with it:
#   bridge.sh <relaycast url> <rtmp port> <rtp host or -> <log file> <stream key>
# Asks Relaycast where in the SFU this publication's RTP goes (POST /rtmp/feed), then runs ffmpeg:
# H.264 without B-frames is passed through (browsers decode it), any other video is transcoded to
# H.264 (constrained baseline, a keyframe every 2 s); audio becomes Opus. RTMP_TRANSCODE=always
# or never overrides the choice.
set -euf # no globbing: the ffmpeg options below hold a "*"
server="$1"; rtmp_port="$2"; rtp_host="$3"; key="$5"
exec 2>>"$4" # nginx gives its children no output
log() { echo "$(date -u +%FT%TZ) relaycast-rtmp-bridge[$$]: $*" >&2; }
feed=$(curl -fsS --max-time 10 --data-urlencode "name=$key" "$server/rtmp/feed") || {
  log "no feed from $server (is the publication still on?)"; sleep 2; exit 1; }
set -- $feed
host=$1; port=$2; rtcp=$3; assrc=$4; apt=$5; vssrc=$6; vpt=$7
[ "$rtp_host" = "-" ] || host="$rtp_host"
src="rtmp://127.0.0.1:$rtmp_port/live/$key"
streams=$(ffprobe -v error -rw_timeout 15000000 -show_entries stream=codec_type,codec_name,has_b_frames \
  -of csv=p=0 "$src" 2>/dev/null || true)
video=$(echo "$streams" | grep ',video' | head -n 1 || true)
has_audio=$(echo "$streams" | grep -c ',audio' || true)
case "${RTMP_TRANSCODE:-auto}" in
  always) copy=no ;;
  never) copy=yes ;;
  *) case "$video" in h264,video,0) copy=yes ;; *) copy=no ;; esac ;;
esac
if [ "$copy" = yes ]; then
  vcodec="-c:v copy -bsf:v h264_mp4toannexb"
else
  vcodec="-c:v libx264 -preset veryfast -tune zerolatency -profile:v baseline -pix_fmt yuv420p -bf 0
    -force_key_frames expr:gte(t,n_forced*2) -x264-params repeat-headers=1 -b:v 2500k -maxrate 3000k -bufsize 3000k"
fi
log "publishing $(echo "$video" | cut -d, -f1) ($([ "$copy" = yes ] && echo passed through || echo transcoded)) to $host:$port"
target="?rtcpport=$rtcp&pkt_size=1200"
if [ "$has_audio" -gt 0 ]; then
  # shellcheck disable=SC2086
  exec ffmpeg -hide_banner -loglevel warning -fflags nobuffer -i "$src" \
    -map 0:v:0 $vcodec -ssrc "$vssrc" -payload_type "$vpt" -f rtp "rtp://$host:$port$target" \
    -map 0:a:0 -c:a libopus -ar 48000 -ac 2 -b:a 96k -ssrc "$assrc" -payload_type "$apt" -f rtp "rtp://$host:$port$target"
fi
# shellcheck disable=SC2086
exec ffmpeg -hide_banner -loglevel warning -fflags nobuffer -i "$src" \
  -map 0:v:0 $vcodec -ssrc "$vssrc" -payload_type "$vpt" -f rtp "rtp://$host:$port$target"
