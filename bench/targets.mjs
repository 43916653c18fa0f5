// One adapter per signaling server, all with the same shape so that the workloads are identical:
//   rooms(n)                 → n room handles (Relaycast: live streams created over REST)
//   connect(room, role, on)  → a client; on = { ready(), peer(peerId), signal(type, from, payload), chat(text) }
//   client.signal(type, to, payload), client.chat(text), client.close()
// `viewerCalls`: PeerJS has no rooms, so there the viewer calls the broadcaster (as PeerJS apps do);
// elsewhere the broadcaster offers when it hears of a viewer (Relaycast's protocol).
import WebSocket from 'ws';
import { io as ioClient } from 'socket.io-client';

// `bases`: one URL, or several nodes of a cluster (comma-separated): REST and broadcasters use the
// first, viewers' sockets go round the list, so the audience is split evenly over the nodes.
export function relaycast(bases, credentials) {
  const auth = 'Basic ' + Buffer.from(credentials).toString('base64');
  const nodes = bases.split(',');
  const base = nodes[0];
  const wsBases = nodes.map((b) => b.replace(/^http/, 'ws') + '/ws/livestream/');
  let next = 0;
  async function rest(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    name: nodes.length > 1 ? `Relaycast, ${nodes.length} nodes` : 'Relaycast',
    viewerCalls: false,
    async rooms(n) {
      const rooms = [];
      for (let i = 0; i < n; i += 25) {
        rooms.push(...await Promise.all(Array.from({ length: Math.min(25, n - i) }, async (_, k) => {
          const s = await rest('POST', '/api/livestream/create', { title: `bench ${i + k}`, delivery: 'p2p' });
          await rest('POST', `/api/livestream/${s.streamId}/start`);
          return { id: s.streamId, key: s.streamKey };
        })));
      }
      return rooms;
    },
    async release(rooms) {
      for (let i = 0; i < rooms.length; i += 25) {
        await Promise.all(rooms.slice(i, i + 25).map((r) => rest('POST', `/api/livestream/${r.id}/end`).catch(() => {})));
      }
    },
    connect(room, role, on) {
      const wsBase = role === 'broadcaster' ? wsBases[0] : wsBases[next++ % wsBases.length];
      const ws = new WebSocket(wsBase + room.id, { perMessageDeflate: false });
      ws.on('open', () => ws.send(JSON.stringify(role === 'broadcaster'
        ? { type: 'stream:join', role, streamKey: room.key } : { type: 'stream:join', role })));
      ws.on('error', (e) => on.error?.(e));
      ws.on('message', (data) => {
        const m = JSON.parse(data);
        switch (m.type) {
          case 'stream:joined': on.ready?.(); break;
          case 'stream:viewer-joined': on.peer?.(m.peerId); break;
          case 'stream:offer': on.signal?.('offer', m.from, m.sdp); break;
          case 'stream:answer': on.signal?.('answer', m.from, m.sdp); break;
          case 'stream:ice-candidate': on.signal?.('candidate', m.from, m.candidate); break;
          case 'chat:message': on.chat?.(m.message); break;
          case 'error': on.error?.(new Error(`${m.code}: ${m.message}`)); break;
          default:
        }
      });
      const field = { offer: 'sdp', answer: 'sdp', candidate: 'candidate' };
      return {
        signal(type, to, payload) {
          const msg = { type: type === 'candidate' ? 'stream:ice-candidate' : 'stream:' + type, [field[type]]: payload };
          if (to && role === 'broadcaster') msg.to = to;
          ws.send(JSON.stringify(msg));
        },
        chat(text) { ws.send(JSON.stringify({ type: 'chat:send', message: text })); },
        close() { ws.terminate(); },
      };
    },
  };
}

export function peerjs(port) {
  let seq = 0;
  return {
    name: 'PeerJS server',
    viewerCalls: true,
    async rooms(n) { return Array.from({ length: n }, (_, i) => ({ id: `r${Date.now()}x${i}` })); },
    async release() {},
    connect(room, role, on) {
      const id = role === 'broadcaster' ? `${room.id}b` : `${room.id}v${seq++}`;
      const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs?key=peerjs&id=${id}&token=t${id}&version=1.5.4`,
        { perMessageDeflate: false });
      ws.on('error', (e) => on.error?.(e));
      ws.on('message', (data) => {
        const m = JSON.parse(data);
        if (m.type === 'OPEN') on.ready?.();
        else if (m.type === 'OFFER' || m.type === 'ANSWER' || m.type === 'CANDIDATE') {
          on.signal?.(m.type.toLowerCase(), m.src, m.payload);
        } else if (m.type === 'ERROR' || m.type === 'ID-TAKEN') on.error?.(new Error(JSON.stringify(m)));
      });
      return {
        signal(type, to, payload) {
          ws.send(JSON.stringify({ type: type.toUpperCase(), dst: to || `${room.id}b`, payload }));
        },
        chat() { throw new Error('PeerJS has no rooms'); },
        close() { ws.terminate(); },
      };
    },
  };
}

export function socketio(port) {
  return {
    name: 'Socket.IO relay',
    viewerCalls: false,
    async rooms(n) { return Array.from({ length: n }, (_, i) => ({ id: `r${Date.now()}x${i}` })); },
    async release() {},
    connect(room, role, on) {
      const s = ioClient(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      s.on('connect', () => s.emit('join', { room: room.id, role }));
      s.on('connect_error', (e) => on.error?.(e));
      s.on('joined', () => on.ready?.());
      s.on('viewer-joined', (m) => on.peer?.(m.peerId));
      s.on('signal', (m) => on.signal?.(m.type, m.from, m.payload));
      s.on('chat', (m) => on.chat?.(m.message));
      return {
        signal(type, to, payload) { s.emit('signal', { type, to: role === 'broadcaster' ? to : undefined, payload }); },
        chat(text) { s.emit('chat', { message: text }); },
        close() { s.disconnect(); },
      };
    },
  };
}
