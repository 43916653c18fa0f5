#!/usr/bin/env sh
# The RTMP bridge, started by nginx-rtmp (exec_push) for each publication and stopped with it:
#   bridge.sh <relaycast url> <rtmp port> <rtp host or -> <log file> <stream key>
# Probes what the encoder sends, tells Relaycast and asks it where in the SFU the RTP goes
# (POST /rtmp/feed), then runs ffmpeg: H.264 without B-frames is passed through (browsers decode
# it), any other video is transcoded to H.264 (constrained baseline, a keyframe every 2 s); audio
# becomes Opus. RTMP_TRANSCODE=always or never overrides the choice. Both look at the first second
# of the stream only (the probe waits no longer: it is the bulk of the time to first frame).
set -euf # no globbing: the ffmpeg options below hold a "*"
server="$1"; rtmp_port="$2"; rtp_host="$3"; key="$5"
exec 2>>"$4" # nginx gives its children no output
log() { echo "$(date -u +%FT%TZ) relaycast-rtmp-bridge[$$]: $*" >&2; }
src="rtmp://127.0.0.1:$rtmp_port/live/$key"
probe=$(ffprobe -v error -rw_timeout 15000000 -analyzeduration 1000000 -probesize 500000 \
  -show_entries stream=index,codec_type,codec_name,profile,width,height,avg_frame_rate,has_b_frames \
  -of flat "$src" 2>/dev/null || true)
index() { echo "$probe" | sed -n "s/^streams\.stream\.\([0-9]*\)\.codec_type=\"$1\"\$/\1/p" | head -n 1; }
field() { [ -n "$1" ] && echo "$probe" | sed -n "s/^streams\.stream\.$1\.$2=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" | head -n 1; }
v=$(index video); a=$(index audio)
vcodec_in=$(field "$v" codec_name || true); bframes=$(field "$v" has_b_frames || true)
case "${RTMP_TRANSCODE:-auto}" in
  always) copy=no ;;
  never) copy=yes ;;
  *) if [ "$vcodec_in" = h264 ] && [ "${bframes:-0}" = 0 ]; then copy=yes; else copy=no; fi ;;
esac
feed=$(curl -fsS --max-time 10 --data-urlencode "name=$key" \
  --data-urlencode "video_codec=$vcodec_in" --data-urlencode "profile=$(field "$v" profile || true)" \
  --data-urlencode "width=$(field "$v" width || true)" --data-urlencode "height=$(field "$v" height || true)" \
  --data-urlencode "frame_rate=$(field "$v" avg_frame_rate || true)" --data-urlencode "b_frames=${bframes:-}" \
  --data-urlencode "audio_codec=$(field "$a" codec_name || true)" --data-urlencode "passed_through=$copy" \
  "$server/rtmp/feed") || { log "no feed from $server (is the publication still on?)"; sleep 2; exit 1; }
set -- $feed
host=$1; port=$2; rtcp=$3; assrc=$4; apt=$5; vssrc=$6; vpt=$7
[ "$rtp_host" = "-" ] || host="$rtp_host"
decode=""
if [ "$copy" = yes ]; then
  vcodec="-c:v copy -bsf:v h264_mp4toannexb"
else
  decode="-threads 1" # frame-threaded decoding holds frames back: a frame of delay per thread
  vcodec="-c:v libx264 -preset veryfast -tune zerolatency -profile:v baseline -pix_fmt yuv420p -bf 0
    -force_key_frames expr:gte(t,n_forced*2) -x264-params repeat-headers=1 -b:v 2500k -maxrate 3000k -bufsize 3000k"
fi
log "publishing ${vcodec_in:-no video} ($([ "$copy" = yes ] && echo passed through || echo transcoded)) to $host:$port"
target="?rtcpport=$rtcp&pkt_size=1200"
if [ -n "$a" ]; then
  # shellcheck disable=SC2086
  exec ffmpeg -hide_banner -loglevel warning -fflags nobuffer -analyzeduration 1000000 -probesize 500000 $decode -i "$src" \
    -map 0:v:0 $vcodec -ssrc "$vssrc" -payload_type "$vpt" -f rtp "rtp://$host:$port$target" \
    -map 0:a:0 -c:a libopus -ar 48000 -ac 2 -b:a 96k -ssrc "$assrc" -payload_type "$apt" -f rtp "rtp://$host:$port$target"
fi
# shellcheck disable=SC2086
exec ffmpeg -hide_banner -loglevel warning -fflags nobuffer -analyzeduration 1000000 -probesize 500000 $decode -i "$src" \
  -map 0:v:0 $vcodec -ssrc "$vssrc" -payload_type "$vpt" -f rtp "rtp://$host:$port$target"
