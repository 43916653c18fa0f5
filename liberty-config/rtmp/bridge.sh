#!/usr/bin/env sh
# The RTMP bridge, started by nginx-rtmp (exec_push) for each publication and stopped with it:
#   bridge.sh <relaycast url> <rtmp port> <control url or -> <rtp host or -> <log file> <publication>
# <publication> is the name Relaycast gave the stream when it admitted the key (never the key).
# Probes what the encoder sends, tells Relaycast and asks it where in the SFU the RTP goes
# (POST /rtmp/feed), then runs ffmpeg: H.264 without B-frames is passed through (browsers decode
# it), any other video is transcoded to H.264 (constrained baseline, a keyframe every 2 s); audio
# becomes Opus. RTMP_TRANSCODE=always or never overrides the choice. Both look at the first second
# of the stream only (the probe waits no longer: it is the bulk of the time to first frame).
# Every 5 s it asks whether the publication still runs (POST /rtmp/alive); when Relaycast ended it
# (the stream ended, another publisher took over, the SFU restarted) it stops ffmpeg and has nginx
# drop the encoder, which then notices (OBS reconnects on its own).
set -euf # no globbing: the ffmpeg options below hold a "*"
server="$1"; rtmp_port="$2"; control="$3"; rtp_host="$4"; name="$6"
exec 2>>"$5" # nginx gives its children no output
log() { echo "$(date -u +%FT%TZ) relaycast-rtmp-bridge[$$] $name: $*" >&2; }
src="rtmp://127.0.0.1:$rtmp_port/live/$name"
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
feed=$(curl -fsS --max-time 10 --data-urlencode "name=$name" \
  --data-urlencode "video_codec=$vcodec_in" --data-urlencode "profile=$(field "$v" profile || true)" \
  --data-urlencode "width=$(field "$v" width || true)" --data-urlencode "height=$(field "$v" height || true)" \
  --data-urlencode "frame_rate=$(field "$v" avg_frame_rate || true)" --data-urlencode "b_frames=${bframes:-}" \
  --data-urlencode "audio_codec=$(field "$a" codec_name || true)" --data-urlencode "passed_through=$copy" \
  "$server/rtmp/feed") || { log "no feed from $server (is the publication still on?)"; sleep 2; exit 1; }
set -- $feed
host=$1; port=$2; rtcp=$3; assrc=$4; apt=$5; vssrc=$6; vpt=$7
[ "$rtp_host" = "-" ] || host="$rtp_host"
target="rtp://$host:$port?rtcpport=$rtcp&pkt_size=1200"
decode=""
video=""
if [ -n "$v" ]; then
  if [ "$copy" = yes ]; then
    video="-map 0:v:0 -c:v copy -bsf:v h264_mp4toannexb"
  else
    decode="-threads 1" # frame-threaded decoding holds frames back: a frame of delay per thread
    video="-map 0:v:0 -c:v libx264 -preset veryfast -tune zerolatency -profile:v baseline -pix_fmt yuv420p -bf 0
      -force_key_frames expr:gte(t,n_forced*2) -x264-params repeat-headers=1 -b:v 2500k -maxrate 3000k -bufsize 3000k"
  fi
  video="$video -ssrc $vssrc -payload_type $vpt -f rtp $target"
fi
audio=""
[ -z "$a" ] || audio="-map 0:a:0 -c:a libopus -ar 48000 -ac 2 -b:a 96k -ssrc $assrc -payload_type $apt -f rtp $target"
if [ -z "$video$audio" ]; then
  log "neither video nor audio found in the first second"; sleep 2; exit 1
fi
log "publishing ${vcodec_in:-no video} ($([ "$copy" = yes ] && echo passed through || echo transcoded)) to $host:$port"
# shellcheck disable=SC2086
ffmpeg -hide_banner -loglevel warning -fflags nobuffer -analyzeduration 1000000 -probesize 500000 $decode \
  -i "$src" $video $audio &
pid=$!
trap 'kill "$pid" 2>/dev/null; exit 0' TERM INT
while kill -0 "$pid" 2>/dev/null; do
  sleep 5 & wait $! || true
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --data-urlencode "name=$name" "$server/rtmp/alive" || true)
  if [ "$code" = 404 ]; then
    log "the publication ended on the server: stopping, and dropping the encoder"
    kill "$pid" 2>/dev/null || true
    [ "$control" = "-" ] || curl -s -o /dev/null --max-time 5 "$control/drop/publisher?app=live&name=$name" || true
    exit 0
  fi
done
wait "$pid"
