// Relay delivery from the broadcaster's side: it feeds only the viewers the server names as its
// children (relay:child); they pass the stream on down the tree. Same shape as DirectDelivery.
import { DirectDelivery } from './direct-delivery.js';

export class RelayDelivery extends DirectDelivery {
  attach(sig) {
    this.sig = sig;
    sig.on('relay:child', (m) => this.offerTo(m.peerId, null))
      .on('relay:child-removed', (m) => this.drop(m.peerId))
      .on('stream:viewer-left', (m) => this.drop(m.peerId))
      .on('stream:answer', (m) => this.peers.get(m.from)?.pc.setRemoteDescription(m.sdp))
      .on('stream:ice-candidate', async (m) => {
        const p = this.peers.get(m.from);
        if (p && m.candidate) await p.pc.addIceCandidate(m.candidate).catch(() => {});
      });
    return this;
  }

  /** After (re)joining the server names this session's children itself (relay:child). */
  joined(m) {
    this.iceServers = m.iceServers || [];
  }
}
