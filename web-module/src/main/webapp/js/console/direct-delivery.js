// Direct delivery: one RTCPeerConnection from the broadcaster to each viewer (mode p2p).
import { newEntry, sampleSent } from './sent-rate.js';

// A delivery strategy turns signaling messages about viewers into media paths; SFU and relay
// strategies will have the same shape: attach(signaling), setSource(stream), closeAll(), peers.

export class DirectDelivery {
  constructor({ source, onChange }) {
    this.source = source; // () => the MediaStream viewers should get
    this.onChange = onChange; // peers or their figures changed
    this.peers = new Map(); // peerId → { pc, userId, bytes, at, kbps }
    this.iceServers = [];
    this.sampler = setInterval(() => this.sampleStats(), 2000);
  }

  /** Subscribes to the signaling messages this strategy needs. */
  attach(sig) {
    this.sig = sig;
    this.watchViewers(sig);
    sig.on('stream:viewer-left', (m) => this.drop(m.peerId))
      .on('stream:answer', (m) => this.answered(m))
      .on('stream:ice-candidate', async (m) => {
        const p = this.peers.get(m.from);
        if (p && m.candidate) await p.pc.addIceCandidate(m.candidate).catch(() => {});
      });
    return this;
  }

  /** Which viewers to feed: here every one that joins. */
  watchViewers(sig) {
    sig.on('stream:viewer-joined', (m) => this.offerTo(m.peerId, m.userId));
  }

  /** After (re)joining: the viewers already in the room get an offer. */
  joined(m) {
    this.iceServers = m.iceServers || [];
    m.viewers.forEach((v) => this.offerTo(v.peerId, v.userId));
  }

  async offerTo(peerId, userId) {
    this.drop(peerId);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.peers.set(peerId, newEntry(pc, userId));
    const stream = this.source();
    for (const kind of ['audio', 'video']) {
      const track = stream.getTracks().find((t) => t.kind === kind);
      // A sender of each kind even without a device, so that a screen share (or a camera plugged in
      // later) is switched in without renegotiating.
      if (track) pc.addTrack(track, stream);
      else pc.addTransceiver(kind, { direction: 'sendonly', streams: [stream] });
    }
    pc.onicecandidate = (e) => { if (e.candidate) this.sig.send({ type: 'stream:ice-candidate', to: peerId, candidate: e.candidate }); };
    pc.onconnectionstatechange = () => this.onChange();
    const entry = this.peers.get(peerId);
    entry.offerId = (this.offers = (this.offers || 0) + 1);
    await pc.setLocalDescription(await pc.createOffer());
    if (this.peers.get(peerId) !== entry) return; // offered again meanwhile: that offer goes out instead
    // the viewer echoes offerId in its answer: an answer to an earlier offer is not applied to this one
    this.sig.send({ type: 'stream:offer', to: peerId,
      sdp: { type: 'offer', sdp: pc.localDescription.sdp, offerId: entry.offerId } });
    this.onChange();
  }

  answered(m) {
    const p = this.peers.get(m.from);
    if (!p || p.pc.signalingState !== 'have-local-offer' || typeof m.sdp !== 'object') return;
    if (m.sdp.offerId !== undefined && m.sdp.offerId !== p.offerId) return;
    p.pc.setRemoteDescription({ type: 'answer', sdp: m.sdp.sdp }).catch(() => {});
  }

  /** Swaps tracks on every viewer's connection without renegotiating (RTCRtpSender.replaceTrack). */
  setSource(stream) {
    for (const { pc } of this.peers.values()) {
      for (const { sender, receiver } of pc.getTransceivers()) {
        const track = stream.getTracks().find((t) => t.kind === receiver.track.kind);
        if (track && sender.track !== track) sender.replaceTrack(track);
      }
    }
  }

  drop(peerId) {
    const p = this.peers.get(peerId);
    if (!p) return;
    p.pc.close();
    this.peers.delete(peerId);
    this.onChange();
  }

  closeAll() {
    for (const id of [...this.peers.keys()]) this.drop(id);
  }

  async sampleStats() {
    for (const p of this.peers.values()) await sampleSent(p);
    this.onChange();
  }
}
