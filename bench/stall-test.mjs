// A viewer that stops reading while the broadcaster floods it with 30 KB offers; a second viewer
// keeps reading and must keep getting chat. Prints when the stalled one is closed.
import WebSocket from 'ws';
const BASE = 'http://127.0.0.1:9080';
const auth = 'Basic ' + Buffer.from('alice:alice-demo').toString('base64');
const rest = async (m, p, b) => { const r = await fetch(BASE + p, { method: m, headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: b ? JSON.stringify(b) : undefined }); const t = await r.text(); return t ? JSON.parse(t) : null; };
const s = await rest('POST', '/api/livestream/create', { title: 'stall', delivery: 'p2p' });
await rest('POST', `/api/livestream/${s.streamId}/start`);
const url = `ws://127.0.0.1:9080/ws/livestream/${s.streamId}`;
const open = (join) => new Promise((res) => { const ws = new WebSocket(url, { perMessageDeflate: false }); ws.on('open', () => { ws.send(JSON.stringify(join)); }); ws.on('message', (d) => { const m = JSON.parse(d); if (m.type === 'stream:joined') res({ ws, m }); }); });
const b = await open({ type: 'stream:join', role: 'broadcaster', streamKey: s.streamKey });
let stalledId; let t0 = Date.now();
let left = null; b.ws.on('message', (d) => { const m = JSON.parse(d); if (m.type === 'stream:viewer-joined' && !stalledId) stalledId = m.peerId; if (m.type === 'stream:viewer-left' && m.peerId === stalledId) left = Date.now() - t0; });
const v1 = await open({ type: 'stream:join', role: 'viewer' });
const v2 = await open({ type: 'stream:join', role: 'viewer' });
await new Promise((r) => setTimeout(r, 300));
v1.ws._socket.pause(); t0 = Date.now();

let v1closed = null; v1.ws.on('close', (c) => { v1closed = Date.now() - t0; });
let chats = 0; v2.ws.on('message', (d) => { if (JSON.parse(d).type === 'chat:message') chats++; });
const sdp = 'v=0\r\n'.padEnd(30000, 'a');
let sent = 0;
const iv = setInterval(() => {
  for (let i = 0; i < 9; i++) { b.ws.send(JSON.stringify({ type: 'stream:offer', to: stalledId, sdp })); sent++; }
  b.ws.send(JSON.stringify({ type: 'chat:send', message: 'tick ' + sent }));
}, 100);
const report = setInterval(() => console.log(`t=${((Date.now() - t0) / 1000).toFixed(1)}s offers sent ${sent}, v2 chats ${chats}, viewer-left for stalled: ${left ?? 'no'}`), 2000);
setTimeout(() => { clearInterval(iv); clearInterval(report); console.log('end; closed after', v1closed); process.exit(0); }, 40000);
