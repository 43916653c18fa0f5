// One WebSocket to /ws/livestream/{id}: JSON messages with a 'type', handlers per type, a ping
// every 20 s to stay within the server's idle timeout, and automatic reconnection (with the same
// join message) after a drop, so a network blip costs a renegotiation, not the stream.
// Only a takeover by another session (4001), a refusal to watch (4401, 4403) or the stream's end stops it; after anything else
// (a drop, a flood or too-slow close, a server restart) it comes back.
import { invite } from './api.js';

const NO_RECONNECT = new Set([4001 /* replaced by another session */, 4401 /* sign in to watch */, 4403 /* not allowed */]);

export class Signaling {
  constructor(streamId) {
    this.streamId = streamId;
    this.handlers = new Map();
    this.closed = false;
    this.ended = false;
    this.attempt = 0;
  }

  on(type, handler) {
    this.handlers.set(type, handler);
    return this;
  }

  open(joinMessage) {
    this.joinMessage = joinMessage;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = invite ? `?invite=${encodeURIComponent(invite)}` : ''; // an invite link's token, as the page got it
    const ws = new WebSocket(`${scheme}://${location.host}/ws/livestream/${encodeURIComponent(this.streamId)}${query}`);
    this.ws = ws;
    ws.onopen = () => this.send(joinMessage);
    this.joined = false;
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      // Too many viewers joining at once (an all-hands at 10:00): ask again a moment later.
      if (msg.type === 'error' && msg.code === 'rate-limited' && !this.joined) {
        setTimeout(() => { if (!this.closed && ws.readyState === WebSocket.OPEN) this.send(this.joinMessage); },
          1000 + Math.random() * 2000);
        return;
      }
      if (msg.type === 'stream:joined') {
        this.attempt = 0;
        this.joined = true;
        // ping well within the server's idle timeout (60 s by default: every 20 s)
        if (msg.idleTimeoutSeconds) this.ping(Math.max(1, Math.min(20, msg.idleTimeoutSeconds / 3)));
      }
      if (msg.type === 'stream_stopped' || msg.type === 'stream:cancelled') this.ended = true;
      const h = this.handlers.get(msg.type) || this.handlers.get('*');
      if (h) Promise.resolve(h(msg)).catch((err) => console.error('handler failed', msg.type, err));
    };
    ws.onclose = (e) => {
      clearInterval(this.pinger);
      const h = this.handlers.get('close');
      if (h) h(e);
      if (!this.closed && !this.ended && !NO_RECONNECT.has(e.code)) {
        const delay = Math.min(10000, 500 * 2 ** this.attempt++);
        const r = this.handlers.get('reconnecting');
        if (r) r(delay);
        setTimeout(() => { if (!this.closed) this.open(this.joinMessage); }, delay);
      }
    };
    this.ping(20);
    return this;
  }

  ping(everySeconds) {
    clearInterval(this.pinger);
    this.pinger = setInterval(() => this.send({ type: 'ping' }), everySeconds * 1000);
  }

  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  close() {
    this.closed = true;
    clearInterval(this.pinger);
    if (this.ws) this.ws.close(1000, 'bye');
  }
}
