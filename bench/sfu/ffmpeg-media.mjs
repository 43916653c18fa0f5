// The publisher's media from ffmpeg (test picture and tone: H.264 constrained baseline + Opus) sent
// as RTP on loopback and passed into a libdatachannel connection's tracks. For machines without
// Chromium; ffmpeg cannot answer Janus's keyframe requests, so a joining viewer waits for the next
// keyframe of the fixed GOP.
import dgram from 'node:dgram';
import { spawn } from 'node:child_process';
import nodeDataChannel from 'node-datachannel';

const VIDEO_SSRC = 0x5eed0001;
const AUDIO_SSRC = 0x5eed0002;

function udp() {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.bind(0, '127.0.0.1', () => resolve(s));
  });
}

export class FfmpegMedia {
  /** size like 640x360, kbps the video bitrate, gop the keyframe interval in frames (30 fps). */
  static async launch({ size = '640x360', kbps = 600, gop = 30 }) {
    const media = new FfmpegMedia();
    media.video = await udp();
    media.audio = await udp();
    const rtp = (port, pt, ssrc) => ['-f', 'rtp', '-payload_type', String(pt), '-ssrc', String(ssrc),
      `rtp://127.0.0.1:${port}?pkt_size=1200`];
    media.proc = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=30`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
      '-map', '0:v', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-profile:v', 'baseline',
      '-pix_fmt', 'yuv420p', '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`,
      '-g', String(gop), '-bf', '0', '-bsf:v', 'dump_extra', ...rtp(media.video.address().port, 96, VIDEO_SSRC),
      '-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', ...rtp(media.audio.address().port, 111, AUDIO_SSRC)],
    { stdio: ['ignore', 'ignore', 'inherit'] });
    media.proc.on('exit', (code) => { if (!media.closed) console.error(`publisher's ffmpeg exited (${code})`); });
    return media;
  }

  /** A new connection's offer (candidates included: gathering is done first). */
  offer() {
    this.pc?.close();
    const pc = new nodeDataChannel.PeerConnection('broadcaster', { iceServers: [] });
    this.pc = pc;
    const video = new nodeDataChannel.Video('0', 'SendOnly');
    video.addH264Codec(96);
    video.addSSRC(VIDEO_SSRC, 'relaycast-bench', 'bench', 'video');
    const audio = new nodeDataChannel.Audio('1', 'SendOnly');
    audio.addOpusCodec(111);
    audio.addSSRC(AUDIO_SSRC, 'relaycast-bench', 'bench', 'audio');
    this.tracks = [pc.addTrack(video), pc.addTrack(audio)]; // held, see viewer.mjs
    const [videoTrack, audioTrack] = this.tracks;
    this.video.removeAllListeners('message').on('message', (b) => videoTrack.isOpen() && videoTrack.sendMessageBinary(b));
    this.audio.removeAllListeners('message').on('message', (b) => audioTrack.isOpen() && audioTrack.sendMessageBinary(b));
    return new Promise((resolve) => {
      pc.onGatheringStateChange((s) => { if (s === 'complete') resolve(pc.localDescription().sdp); });
      pc.setLocalDescription();
    });
  }

  answer(sdp) {
    this.pc.setRemoteDescription(sdp, 'answer');
  }

  close() {
    this.closed = true;
    this.proc.kill('SIGKILL');
    try { this.pc?.close(); } catch { /* closed */ }
    this.video.close();
    this.audio.close();
  }
}
