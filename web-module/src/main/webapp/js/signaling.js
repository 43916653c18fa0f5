// One WebSocket to /ws/livestream/{id}: JSON messages with a 'type', handlers per type,
// and a ping every 20 s to stay within the server's idle timeout.
export class Signaling {
  constructor(streamId) {
    this.streamId = streamId;
    this.handlers = new Map();
    this.closed = false;
  }

  on(type, handler) {
    this.handlers.set(type, handler);
    return this;
  }

  open(joinMessage) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.ws = new WebSocket(`${scheme}://${location.host}/ws/livestream/${encodeURIComponent(this.streamId)}`);
    this.ws.onopen = () => this.send(joinMessage);
    this.ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      const h = this.handlers.get(msg.type) || this.handlers.get('*');
      if (h) Promise.resolve(h(msg)).catch((err) => console.error('handler failed', msg.type, err));
    };
    this.ws.onclose = (e) => {
      clearInterval(this.pinger);
      const h = this.handlers.get('close');
      if (h) h(e);
    };
    this.pinger = setInterval(() => this.send({ type: 'ping' }), 20000);
    return this;
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
