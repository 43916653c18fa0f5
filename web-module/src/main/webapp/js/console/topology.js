// The relay tree as the broadcaster sees it: who relays to whom, depth and fan-out, redrawn every
// 3 s from GET …/topology (a nested list: each viewer under the one that feeds it).
import { api } from '../api.js';

export class TopologyPanel {
  constructor(streamId, el, summary) {
    Object.assign(this, { streamId, el, summary });
  }

  start() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), 3000);
  }

  stop() {
    clearInterval(this.timer);
  }

  async refresh() {
    const t = await api('GET', `/api/livestream/${encodeURIComponent(this.streamId)}/topology`).catch(() => null);
    if (!t) return;
    const byId = new Map(t.nodes.map((n) => [n.peerId, n]));
    const relays = t.nodes.filter((n) => n.parent && n.children.length > 0).length;
    this.summary.textContent = `${t.nodes.length - 1} viewers · depth ${t.depth} · fan-out ${t.relayFanout} · ${relays} relaying`;
    const root = t.nodes[0];
    this.el.replaceChildren(...(root ? [this.item(root, byId, true)] : []));
    this.el.dataset.depth = String(t.depth);
    this.el.dataset.viewers = String(Math.max(0, t.nodes.length - 1));
  }

  item(n, byId, isRoot) {
    const li = document.createElement('li');
    li.dataset.peerId = n.peerId;
    li.textContent = isRoot ? 'You (broadcaster)'
      : `${n.peerId.slice(0, 10)}${n.site ? ` @${n.site}` : ''} · score ${n.score}${n.canRelay ? '' : ' · leaf'}`;
    if (n.children.length) {
      const ul = document.createElement('ul');
      ul.append(...n.children.map((c) => byId.get(c)).filter(Boolean).map((c) => this.item(c, byId, false)));
      li.append(ul);
    }
    return li;
  }
}
