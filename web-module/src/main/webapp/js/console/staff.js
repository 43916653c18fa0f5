// The broadcaster's staff tools for an open stream: the live chart (viewers, chat, likes over
// time), viewers' connection quality, chat settings (slow mode, on/off, guests) and pins.
import { api, showProblem } from '../api.js';
import { pinList } from '../pins.js';
import { timelineChart } from '../timeline-chart.js';

const num = (x, digits = 0) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));

export class StaffPanel {
  constructor(streamId, el) {
    this.streamId = streamId;
    this.el = el;
    this.base = `/api/livestream/${encodeURIComponent(streamId)}`;
    this.pins = pinList(streamId, el.pins, true);
    this.chart = null;
    el.pinForm.addEventListener('submit', (e) => this.pin(e));
    el.settings.addEventListener('change', () => this.saveSettings());
  }

  async start() {
    await Promise.all([this.pins.load(), this.loadSettings(), this.refresh()]);
    this.timer = setInterval(() => this.refresh(), 5000);
  }

  stop() {
    clearInterval(this.timer);
  }

  async refresh() {
    const [timeline, quality] = await Promise.all([
      api('GET', `${this.base}/stats/timeline?bucketSeconds=5`),
      api('GET', `${this.base}/stats/quality`),
    ]).catch(() => [null, null]);
    if (timeline) {
      if (!this.chart) this.chart = timelineChart(this.el.chart, timeline.buckets);
      else this.chart.update(timeline.buckets);
    }
    if (quality) this.renderQuality(quality);
  }

  renderQuality(q) {
    const s = q.summary;
    this.el.qualitySummary.textContent = s.reporting === 0 ? 'No viewer has reported yet.'
      : `${s.reporting} reporting${s.hls ? ` (${s.hls} over HLS)` : ''} · RTT ${num(s.rttMs)} ms · loss ${num(s.lossPercent, 1)} % · ${num(s.bitrateKbps)} kbit/s · ${num(s.framesPerSecond)} fps`;
    this.el.quality.replaceChildren(...q.viewers.map((v) => {
      const tr = document.createElement('tr');
      for (const x of [v.peerId.slice(0, 10), v.userId || 'anonymous', v.transport === 'hls' ? 'HLS' : 'WebRTC', num(v.rttMs), num(v.lossPercent, 1),
        num(v.bitrateKbps), num(v.framesPerSecond)]) {
        const td = document.createElement('td');
        td.textContent = x;
        tr.append(td);
      }
      return tr;
    }));
  }

  async loadSettings() {
    const s = await api('GET', `${this.base}/chat-settings`);
    this.el.slowMode.value = String(s.slowModeSeconds);
    this.el.chatEnabled.checked = s.enabled;
    this.el.guests.checked = !s.signedInOnly;
  }

  async saveSettings() {
    try {
      await api('PUT', `${this.base}/chat-settings`, {
        slowModeSeconds: Number(this.el.slowMode.value),
        enabled: this.el.chatEnabled.checked,
        signedInOnly: !this.el.guests.checked,
      });
    } catch (e) {
      showProblem(e.message);
      await this.loadSettings();
    }
  }

  async pin(e) {
    e.preventDefault();
    const f = this.el.pinForm.elements;
    try {
      await this.pins.pin({ title: f['pin-title'].value, url: f['pin-url'].value, price: f['pin-price'].value || undefined,
        description: f['pin-description'].value || undefined });
      this.el.pinForm.reset();
    } catch (err) {
      showProblem(err.message);
    }
  }
}
