// Delivery through the SFU (mode sfu): one peer connection to the server's SFU, whatever the
// audience; the video is sent as three simulcast layers so that viewers on weak links get a
// lower one. Same shape as DirectDelivery: attach(signaling), joined(m), setSource(stream), closeAll().
import { newEntry, sampleSent } from './sent-rate.js';

// Highest first, as the SFU expects the rids.
const SIMULCAST = [
  { rid: 'h', maxBitrate: 1200000 },
  { rid: 'm', maxBitrate: 400000, scaleResolutionDownBy: 2 },
  { rid: 'l', maxBitrate: 150000, scaleResolutionDownBy: 4 },
];

export class SfuDelivery {
  constructor({ source, onChange }) {
    this.source = source;
    this.onChange = onChange;
    this.peers = new Map(); // one entry: the connection to the SFU
    this.pc = null;
    this.sampler = setInterval(() => this.sampleStats(), 2000);
  }

  attach(sig) {
    this.sig = sig;
    sig.on('sfu:published', (m) => this.pc?.setRemoteDescription(m.sdp).catch((e) => console.warn('sfu answer', e)))
      // the SFU was restarted: publish again on a new connection; viewers get new offers
      .on('sfu:restart', () => this.publish().catch((e) => console.warn('sfu republish failed', e)));
    return this;
  }

  /** After (re)joining: publish (again) to the stream's SFU room. */
  joined(m) {
    this.iceServers = m.iceServers || [];
    this.publish().catch((e) => console.warn('sfu publish failed', e));
  }

  async publish() {
    this.closeAll();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pc = pc;
    this.peers.set('sfu', newEntry(pc, 'SFU (every viewer)'));
    const stream = this.source();
    const audio = stream.getAudioTracks()[0];
    const video = stream.getVideoTracks()[0];
    pc.addTransceiver(audio || 'audio', { direction: 'sendonly', streams: [stream] });
    // A video sender even without a camera, so that a screen share is switched in without renegotiating.
    pc.addTransceiver(video || 'video', { direction: 'sendonly', streams: [stream], ...(video ? { sendEncodings: SIMULCAST } : {}) });
    pc.onicecandidate = (e) => this.sig.send({ type: 'sfu:candidate', candidate: e.candidate || null });
    pc.onconnectionstatechange = () => this.onChange();
    await pc.setLocalDescription(await pc.createOffer());
    this.sig.send({ type: 'sfu:publish', sdp: pc.localDescription });
    this.onChange();
  }

  /** Camera, screen or microphone change: replaceTrack, no renegotiation. */
  setSource(stream) {
    if (!this.pc) return;
    for (const { sender, receiver } of this.pc.getTransceivers()) {
      const track = stream.getTracks().find((t) => t.kind === receiver.track.kind);
      if (track && sender.track !== track) sender.replaceTrack(track);
    }
  }

  closeAll() {
    if (this.pc) this.pc.close();
    this.pc = null;
    this.peers.clear();
    this.onChange();
  }

  async sampleStats() {
    for (const p of this.peers.values()) await sampleSent(p);
    this.onChange();
  }
}
