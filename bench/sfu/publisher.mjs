// The load client's broadcaster: a demo staff user's stream with delivery `sfu`, published over a
// real WebRTC connection exactly as the console does (stream:join with the stream key, sfu:publish
// with an offer, the SFU's answer in sfu:published; again on sfu:restart). The media comes from a
// headless Chromium's fake camera (chromium-media.mjs) or from ffmpeg (ffmpeg-media.mjs).
import WebSocket from 'ws';
import { ChromiumMedia } from './chromium-media.mjs';
import { FfmpegMedia } from './ffmpeg-media.mjs';

export class Publisher {
  /** source 'chromium' or 'ffmpeg' (with its size, kbps, gop). */
  constructor({ base, auth, source = 'chromium', ...encoder }) {
    Object.assign(this, { base, auth, source, encoder });
    this.state = 'new';
    this.messages = 0; // every message the server sent the broadcaster
  }

  async rest(method, path, body) {
    const res = await fetch(this.base + path, { method, body: body ? JSON.stringify(body) : undefined,
      headers: { Authorization: this.auth, 'Content-Type': 'application/json' } });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  /** Creates the stream, joins as its broadcaster, publishes; resolves once Janus answered. */
  async start(title) {
    this.media = this.source === 'ffmpeg' ? await FfmpegMedia.launch(this.encoder) : await ChromiumMedia.launch(this.base);
    const created = await this.rest('POST', '/api/livestream/create', { title, delivery: 'sfu' });
    this.streamId = created.streamId;
    await this.rest('POST', `/api/livestream/${created.streamId}/start`);
    const url = `${this.base.replace(/^http/, 'ws')}/ws/livestream/${encodeURIComponent(this.streamId)}`;
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      this.ws.on('open', () => this.send({ type: 'stream:join', role: 'broadcaster', streamKey: created.streamKey }));
      this.ws.on('message', (data) => {
        const m = JSON.parse(data);
        this.messages++;
        if (m.type === 'stream:joined') {
          const every = Math.min(20, (m.idleTimeoutSeconds || 60) / 3); // as the console: within the idle timeout
          this.pinger = setInterval(() => this.send({ type: 'ping' }), every * 1000);
          this.publish().catch(reject);
        } else if (m.type === 'sfu:restart') this.publish().catch((e) => console.error(`republish: ${e.message}`));
        else if (m.type === 'sfu:published') {
          Promise.resolve(this.media.answer(m.sdp.sdp)).then(() => { this.state = 'published'; resolve(); }, reject);
        } else if (m.type === 'error') reject(new Error(`broadcaster: ${m.code}: ${m.message}`));
      });
      this.ws.on('error', (e) => reject(new Error(`broadcaster socket: ${e.message}`)));
      this.ws.on('close', (code) => {
        if (this.state !== 'stopped') console.error(`broadcaster socket closed ${code}`);
        reject(new Error(`broadcaster socket closed ${code}`));
      });
    });
    return this.streamId;
  }

  send(m) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  async publish() {
    const sdp = await this.media.offer();
    this.send({ type: 'sfu:publish', sdp: { type: 'offer', sdp } });
    this.send({ type: 'sfu:candidate', candidate: null });
  }

  async stop() {
    this.state = 'stopped';
    clearInterval(this.pinger);
    this.media?.close();
    if (this.streamId) await this.rest('POST', `/api/livestream/${this.streamId}/end`).catch(() => {});
    this.ws?.close();
  }
}
