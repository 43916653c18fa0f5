// Relay delivery on the viewer's page: the server may give this viewer children (relay:child);
// it forwards what it receives to each of them on a peer connection of its own (the received
// tracks added as they are, re-sent by the browser). The page says how many it feeds, and the
// viewer may opt out (then it is only ever a leaf).
export class RelayForwarder {
  constructor({ sig, iceServers, onChange }) {
    Object.assign(this, { sig, iceServers, onChange });
    this.children = new Map(); // peerId → { pc, since: when it connected }
    this.stream = null;
  }

  /** What this viewer receives: every child gets these tracks (swapped in place when they change). */
  setSource(stream) {
    this.stream = stream;
    for (const { pc } of this.children.values()) this.feed(pc);
  }

  feed(pc) {
    for (const t of pc.getTransceivers()) {
      const kind = t.receiver.track.kind;
      const track = this.stream?.getTracks().find((x) => x.kind === kind) || null;
      if (t.sender.track !== track) t.sender.replaceTrack(track).catch(() => {});
    }
  }

  async addChild(peerId) {
    this.removeChild(peerId);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers() });
    this.children.set(peerId, { pc, since: null });
    for (const kind of ['audio', 'video']) {
      const track = this.stream?.getTracks().find((t) => t.kind === kind);
      if (track) pc.addTrack(track, this.stream);
      else pc.addTransceiver(kind, { direction: 'sendonly' });
    }
    pc.onicecandidate = (e) => { if (e.candidate) this.sig.send({ type: 'stream:ice-candidate', to: peerId, candidate: e.candidate }); };
    pc.onconnectionstatechange = () => this.onChange();
    await pc.setLocalDescription(await pc.createOffer());
    this.sig.send({ type: 'stream:offer', to: peerId, sdp: pc.localDescription });
    this.onChange();
  }

  /** An answer or candidate from one of the children; false if it is not from a child. */
  handle(m) {
    const child = this.children.get(m.from);
    if (!child) return false;
    if (m.type === 'stream:answer') child.pc.setRemoteDescription(m.sdp).catch(() => {});
    else if (m.candidate) child.pc.addIceCandidate(m.candidate).catch(() => {});
    return true;
  }

  removeChild(peerId) {
    const c = this.children.get(peerId);
    if (!c) return;
    c.pc.close();
    this.children.delete(peerId);
    this.onChange();
  }

  closeAll() {
    for (const id of [...this.children.keys()]) this.removeChild(id);
  }

  /** Connections feeding a child right now. */
  get feeding() {
    return [...this.children.values()].filter((c) => c.pc.connectionState === 'connected').length;
  }

  /**
   * Upload capacity as the browser estimates it (availableOutgoingBitrate of the child connections),
   * kbit/s; null until a child has been connected for 5 s (the estimate starts low and ramps up).
   */
  async uploadKbps() {
    let best = null;
    for (const c of this.children.values()) {
      if (c.pc.connectionState !== 'connected') { c.since = null; continue; }
      c.since ??= performance.now();
      if (performance.now() - c.since < 5000) continue;
      const stats = await c.pc.getStats().catch(() => null);
      stats?.forEach((s) => {
        if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) {
          best = Math.max(best ?? 0, Math.round(s.availableOutgoingBitrate / 1000));
        }
      });
    }
    return best;
  }
}

/** Watches the received video; calls `stalled()` when it stops advancing for more than 2 s. */
export function stallWatch(video, active, stalled) {
  let last = -1;
  let since = performance.now();
  let told = 0;
  return setInterval(() => {
    const now = performance.now();
    if (video.currentTime !== last) {
      last = video.currentTime;
      since = now;
      return;
    }
    if (active() && now - since > 2000 && now - told > 5000) {
      told = now;
      stalled();
    }
  }, 500);
}
