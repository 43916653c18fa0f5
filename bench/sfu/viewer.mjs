// One synthetic viewer: joins as the watch page does (GET the stream, WebSocket stream:join as a
// viewer), answers the SFU's offer with a real WebRTC stack (libdatachannel: ICE, DTLS, SRTP with
// Janus), trickles its candidates, and counts the RTP it receives. No browser, no decoding.
import nodeDataChannel from 'node-datachannel';
import WebSocket from 'ws';
import { RtpCounter, isRtcp } from './rtp.mjs';

/** Payload type → codec name ('h264', 'vp8', 'opus', …) from an SDP's rtpmap lines. */
function codecs(sdp) {
  const map = new Map();
  for (const m of sdp.matchAll(/^a=rtpmap:(\d+) ([\w-]+)\//gm)) map.set(Number(m[1]), m[2].toLowerCase());
  return map;
}

export class SyntheticViewer {
  constructor({ base, streamId, name }) {
    Object.assign(this, { base, streamId, name });
    this.askedAt = null; // performance.now() when the join began
    this.joinedAt = null; // stream:joined
    this.offerAt = null; // the SFU's first offer (sfu:offer)
    this.connectedAt = null; // ICE and DTLS done
    this.firstRtpAt = null; // first video RTP packet
    this.keyframeAt = null; // first video keyframe
    this.offers = 0;
    this.messages = 0; // every message the server sent this viewer
    this.refusals = 0; // joins refused as rate-limited (retried)
    this.video = null; // RtpCounter of the current connection's video
    this.audio = null;
    this.errors = [];
    /** What earlier connections of this viewer received. */
    this.past = { videoPackets: 0, videoExpected: 0, videoBytes: 0, keyframes: 0, audioPackets: 0, audioExpected: 0, audioBytes: 0 };
    this.closed = false;
  }

  async join() {
    this.askedAt = performance.now();
    const res = await fetch(`${this.base}/api/livestream/${encodeURIComponent(this.streamId)}`);
    if (!res.ok) throw new Error(`GET stream: ${res.status}`);
    await res.arrayBuffer();
    this.connect();
  }

  connect() {
    const url = `${this.base.replace(/^http/, 'ws')}/ws/livestream/${encodeURIComponent(this.streamId)}`;
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on('open', () => this.send({ type: 'stream:join', role: 'viewer' }));
    this.ws.on('message', (data) => {
      this.messages++;
      this.onMessage(JSON.parse(data));
    });
    this.ws.on('error', (e) => this.errors.push(`socket: ${e.message}`));
    this.ws.on('close', (code) => {
      if (!this.closed) this.errors.push(`socket closed ${code}`);
      this.ws = null;
    });
  }

  send(m) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  onMessage(m) {
    if (m.type === 'stream:joined') {
      this.joinedAt ??= performance.now();
      clearInterval(this.pinger); // as the page: well within the server's idle timeout
      this.pinger = setInterval(() => this.send({ type: 'ping' }), Math.min(20, (m.idleTimeoutSeconds || 60) / 3) * 1000);
    }
    else if (m.type === 'sfu:offer') this.answer(m.sdp);
    else if (m.type === 'error') {
      if (m.code === 'rate-limited' && !this.joinedAt) { // as the page does: try again after 1-3 s
        this.refusals++;
        setTimeout(() => this.send({ type: 'stream:join', role: 'viewer' }), 1000 + Math.random() * 2000);
      } else this.errors.push(`${m.code}: ${m.message}`);
    }
  }

  /** The SFU's offer: a new connection each time (the broadcaster may have published again). */
  answer(offer) {
    this.offers++;
    this.offerAt ??= performance.now();
    if (this.video) { // a new connection (the broadcaster published again, or the viewer moved to another Janus)
      for (const [k, c] of [['video', this.video], ['audio', this.audio]]) {
        this.past[`${k}Packets`] += c.packets;
        this.past[`${k}Expected`] += c.expected();
        this.past[`${k}Bytes`] += c.bytes;
      }
      this.past.keyframes += this.video.keyframes;
    }
    this.pc?.close();
    const payloads = codecs(offer.sdp);
    const pc = new nodeDataChannel.PeerConnection(this.name, { iceServers: [] });
    this.pc = pc;
    const video = new RtpCounter('h264');
    const audio = new RtpCounter('audio');
    this.video = video;
    this.audio = audio;
    this.tracks = []; // held: node-datachannel stops calling back once a track's wrapper is collected
    pc.onTrack((track) => {
      this.tracks.push(track);
      const isVideo = track.type() === 'video';
      track.onMessage((b) => {
        if (isRtcp(b)) return;
        if (!isVideo) { audio.add(b); return; }
        video.codec = payloads.get(b[1] & 0x7f) === 'vp8' ? 'vp8' : 'h264';
        const key = video.add(b);
        const now = performance.now();
        this.firstRtpAt ??= now;
        if (key) this.keyframeAt ??= now;
      });
    });
    const mids = [...offer.sdp.matchAll(/^a=mid:(\S+)/gm)].map((m) => m[1]);
    pc.onLocalDescription((sdp, type) => this.send({ type: 'sfu:answer', sdp: { type, sdp } }));
    pc.onLocalCandidate((candidate, mid) => this.send({ type: 'sfu:candidate',
      candidate: { candidate, sdpMid: mid, sdpMLineIndex: Math.max(0, mids.indexOf(mid)) } }));
    pc.onGatheringStateChange((s) => { if (s === 'complete') this.send({ type: 'sfu:candidate', candidate: null }); });
    pc.onStateChange((s) => {
      if (s === 'connected') this.connectedAt ??= performance.now();
      if (s === 'failed') this.errors.push('peer connection failed');
    });
    // Janus is made the DTLS client (as it is with Chromium, whose answer lets it choose): libdatachannel as
    // the client sends its first handshake before Janus listens and retries only after a second
    pc.setRemoteDescription(offer.sdp.replace(/a=setup:actpass/g, 'a=setup:active'), 'offer');
  }

  /** What the load client reports about this viewer (times from the join, in ms). */
  snapshot() {
    const since = (t) => (t === null || this.askedAt === null ? null : t - this.askedAt);
    return {
      name: this.name, joined: this.joinedAt !== null, offers: this.offers, messages: this.messages, refusals: this.refusals,
      toJoined: since(this.joinedAt), toOffer: since(this.offerAt), toConnected: since(this.connectedAt), toRtp: since(this.firstRtpAt), toKeyframe: since(this.keyframeAt),
      videoPackets: this.past.videoPackets + (this.video?.packets ?? 0),
      videoExpected: this.past.videoExpected + (this.video?.expected() ?? 0),
      videoBytes: this.past.videoBytes + (this.video?.bytes ?? 0), keyframes: this.past.keyframes + (this.video?.keyframes ?? 0),
      audioPackets: this.past.audioPackets + (this.audio?.packets ?? 0),
      audioExpected: this.past.audioExpected + (this.audio?.expected() ?? 0),
      audioBytes: this.past.audioBytes + (this.audio?.bytes ?? 0),
      keyframesNow: this.video?.keyframes ?? 0, // on the current connection
      errors: this.errors.slice(0, 3),
    };
  }

  close() {
    this.closed = true;
    clearInterval(this.pinger);
    try { this.pc?.close(); } catch { /* already closed */ }
    this.ws?.close();
  }
}
