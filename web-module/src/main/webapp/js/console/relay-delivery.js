// Relay delivery from the broadcaster's side: it feeds only the viewers the server names as its
// children (relay:child); they pass the stream on down the tree. Same shape as DirectDelivery.
import { DirectDelivery } from './direct-delivery.js';

export class RelayDelivery extends DirectDelivery {
  /** Only the viewers the server names as this broadcaster's children. */
  watchViewers(sig) {
    sig.on('relay:child', (m) => this.offerTo(m.peerId, null))
      .on('relay:child-removed', (m) => this.drop(m.peerId));
  }

  /** After (re)joining the server names this session's children itself (relay:child). */
  joined(m) {
    this.iceServers = m.iceServers || [];
  }
}
