// What the broadcaster sees of the audience: counters and the table of connections (the chart over
// time is the staff panel's, from the stream's timeline).

export class AudiencePanel {
  constructor({ viewers, peak, likes, reactions, peers }) {
    Object.assign(this, { viewersEl: viewers, peakEl: peak, likesEl: likes, reactionsEl: reactions, peersEl: peers });
    this.reactionTotals = {};
  }

  /** A window's reactions (emoji → count), added to what this page has seen since it opened. */
  reacted(counts) {
    for (const [emoji, n] of Object.entries(counts || {})) this.reactionTotals[emoji] = (this.reactionTotals[emoji] || 0) + n;
    this.reactionsEl.textContent = Object.entries(this.reactionTotals).map(([e, n]) => `${e} ${n}`).join('  ') || '—';
  }

  update(s) {
    if (!s) return;
    this.viewersEl.textContent = s.viewers;
    this.peakEl.textContent = s.peak;
    this.likesEl.textContent = s.likes;
  }

  /** One row per viewer connection: peer, user, state, kbit/s sent. */
  renderPeers(peers) {
    this.peersEl.replaceChildren(...[...peers.entries()].map(([id, p]) => {
      const tr = document.createElement('tr');
      for (const v of [id.slice(0, 10), p.userId || 'anonymous', p.pc.connectionState, p.kbps.toFixed(0)]) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      return tr;
    }));
  }
}
