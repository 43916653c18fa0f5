// The studio's Ingest panel: publish from this browser, or from an encoder over WHIP or RTMP —
// the addresses and key to paste into OBS (copy, show), a new key, and the encoder's state.
import { api, showProblem } from '../api.js';

const $ = (id) => document.getElementById(id);

export class IngestPanel {
  constructor(streamId, { onKey }) {
    this.base = `/api/livestream/${encodeURIComponent(streamId)}`;
    this.onKey = onKey; // the console publishes with the key too
    $('ingest-source').value = 'browser';
    $('ingest-source').onchange = () => this.show();
    $('rotate-key').onclick = () => this.rotate();
    for (const b of document.querySelectorAll('#ingest-panel [data-copy]')) b.onclick = () => this.copy(b);
    for (const b of document.querySelectorAll('#ingest-panel [data-reveal]')) b.onclick = () => reveal(b);
  }

  async start() {
    await this.refresh();
    this.timer = setInterval(() => this.refresh(), 5000);
  }

  stop() {
    clearInterval(this.timer);
  }

  /** Another session took this studio's seat: when it is an encoder, join again (the server makes this page an observer). */
  async afterTakeover(rejoin) {
    for (let i = 0; i < 10; i++) { // the encoder may still be connecting when this page hears of it
      await this.refresh();
      if (this.view?.encoder) {
        rejoin();
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async refresh() {
    const view = await api('GET', `${this.base}/ingest`).catch(() => null);
    if (!view) return;
    this.view = view;
    $('whip-url').value = view.whip.url;
    $('whip-token').value = view.whip.bearerToken;
    $('rtmp-server').value = view.rtmp?.server || '';
    $('rtmp-key').value = view.rtmp?.streamKey || '';
    $('ingest-source').querySelector('option[value=rtmp]').disabled = !view.rtmp;
    if (view.encoder && $('ingest-source').value === 'browser') $('ingest-source').value = view.encoder.protocol;
    this.show();
  }

  show() {
    const source = $('ingest-source').value;
    const encoder = source !== 'browser';
    $('ingest-whip').hidden = source !== 'whip';
    $('ingest-rtmp').hidden = source !== 'rtmp';
    $('ingest-key-row').hidden = !encoder;
    $('ingest-reason').hidden = !encoder || !this.view || this.view.encodersAccepted;
    $('ingest-reason').textContent = this.view?.reason || '';
    this.showEncoder(encoder);
  }

  showEncoder(visible) {
    const e = this.view?.encoder;
    $('encoder-status').hidden = !visible;
    $('encoder-status').textContent = !e ? 'No encoder is connected.'
      : `Publishing over ${e.protocol.toUpperCase()} since ${new Date(e.since).toLocaleTimeString()}${describe(e.input)}.`
        + delivered(e.delivered);
    const warnings = $('encoder-warnings');
    warnings.replaceChildren(...(e?.warnings || []).map((w) => Object.assign(document.createElement('li'), { textContent: w })));
    warnings.hidden = !visible || warnings.children.length === 0;
  }

  async rotate() {
    if (!confirm('Replace the stream key? Encoders must be given the new key; one publishing now goes on.')) return;
    try {
      const { streamKey } = await api('POST', `${this.base}/key`);
      this.onKey(streamKey);
      $('ingest-note').textContent = 'New key made: paste it into the encoder.';
      await this.refresh();
    } catch (e) {
      showProblem(e.message || String(e));
    }
  }

  async copy(button) {
    const input = $(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.type = 'text'; // without clipboard access (plain http): select it for Ctrl+C
      input.select();
    }
    $('ingest-note').textContent = 'Copied.';
  }
}

function reveal(button) {
  const input = $(button.dataset.reveal);
  const shown = input.type === 'password';
  input.type = shown ? 'text' : 'password';
  button.textContent = shown ? 'Hide' : 'Show';
  button.setAttribute('aria-pressed', String(shown));
}

/** What viewers report receiving (their average), once some have. */
function delivered(d) {
  if (!d || !d.reporting) return '';
  const kbps = d.bitrateKbps == null ? '' : ` ${Math.round(d.bitrateKbps)} kbit/s`;
  const fps = d.framesPerSecond == null ? '' : ` at ${Math.round(d.framesPerSecond)} fps`;
  return ` Viewers receive${kbps}${fps} (${d.reporting} reporting).`;
}

function describe(input) {
  if (!input) return '';
  const parts = [input.videoCodec && `${input.videoCodec}${input.profile ? ` ${input.profile}` : ''}`,
    input.width && `${input.width}×${input.height}`, input.framesPerSecond && `${input.framesPerSecond} fps`,
    input.transcoded ? 're-encoded by the server' : 'passed through'].filter(Boolean);
  return `: ${parts.join(', ')}`;
}
