// What the broadcaster sees of the audience: counters, a viewer chart and the table of connections.

export class AudiencePanel {
  constructor({ viewers, peak, likes, chart, peers }) {
    Object.assign(this, { viewersEl: viewers, peakEl: peak, likesEl: likes, chart, peersEl: peers });
    this.history = [];
  }

  update(s) {
    if (!s) return;
    this.viewersEl.textContent = s.viewers;
    this.peakEl.textContent = s.peak;
    this.likesEl.textContent = s.likes;
    this.history.push(s.viewers);
    if (this.history.length > 120) this.history.shift();
    this.drawChart();
  }

  drawChart() {
    const c = this.chart;
    const g = c.getContext('2d');
    g.clearRect(0, 0, c.width, c.height);
    const max = Math.max(1, ...this.history);
    g.strokeStyle = '#2a6df4';
    g.beginPath();
    this.history.forEach((v, i) => {
      const x = (i / Math.max(1, this.history.length - 1)) * (c.width - 4) + 2;
      const y = c.height - 4 - (v / max) * (c.height - 8);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
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
