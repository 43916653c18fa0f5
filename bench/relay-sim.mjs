// Relay-tree simulation: many viewers as plain WebSocket clients (no media) against a running
// Relaycast. They join a relay stream, report stats (some weak, some opted out), and relays drop
// out over time. Prints the tree's depth distribution, re-parent counts, and the time from a
// relay's drop until every one of its children has a new parent — seen by the clients, and by the
// server (/metrics: relaycast_relay_repair_*).
//
//   node relay-sim.mjs [--relaycast=http://127.0.0.1:9080] [--viewers=1000] [--fanout=3] [--drops=50]
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const BASE = args.relaycast ?? 'http://127.0.0.1:9080';
const VIEWERS = Number(args.viewers ?? 1000);
const FANOUT = Number(args.fanout ?? 3);
const DROPS = Number(args.drops ?? 50);
const auth = 'Basic ' + Buffer.from(args.credentials ?? 'alice:alice-demo').toString('base64');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

async function rest(method, path, body) {
  const res = await fetch(BASE + path, { method, headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const created = await rest('POST', '/api/livestream/create', { title: 'relay simulation', delivery: 'relay', relayFanout: FANOUT });
await rest('POST', `/api/livestream/${created.streamId}/start`);
const wsUrl = `${BASE.replace(/^http/, 'ws')}/ws/livestream/${created.streamId}`;

function client(join) {
  return new Promise((resolve) => {
    const c = { ws: new WebSocket(wsUrl, { perMessageDeflate: false }), parent: null, children: new Set(), parentChanges: 0,
      waiters: [] };
    c.ws.on('open', () => c.ws.send(JSON.stringify(join)));
    c.ws.on('message', (data) => {
      const m = JSON.parse(data);
      if (m.type === 'stream:joined') { c.peerId = m.peerId; resolve(c); }
      else if (m.type === 'relay:parent') {
        if (c.parent) c.parentChanges++;
        c.parent = m.peerId;
        c.waiters.splice(0).forEach((w) => w(m.peerId));
      } else if (m.type === 'relay:child') c.children.add(m.peerId);
      else if (m.type === 'relay:child-removed') c.children.delete(m.peerId);
      else if (m.type === 'error' && m.code === 'rate-limited' && !c.peerId) {
        setTimeout(() => c.ws.send(JSON.stringify(join)), 1000);
      }
    });
    c.ws.on('error', () => {});
  });
}

const broadcaster = await client({ type: 'stream:join', role: 'broadcaster', streamKey: created.streamKey });
const viewers = [];
const t0 = performance.now();
for (let i = 0; i < VIEWERS; i += 100) {
  const batch = Array.from({ length: Math.min(100, VIEWERS - i) }, (_, k) => {
    const n = i + k;
    const join = { type: 'stream:join', role: 'viewer', site: `office-${n % 5}` };
    if (n % 10 === 0) join.relay = false; // one in ten opts out
    return client(join);
  });
  viewers.push(...await Promise.all(batch));
  await sleep(250);
}
console.log(`${VIEWERS} viewers joined in ${((performance.now() - t0) / 1000).toFixed(1)} s (fan-out ${FANOUT})`);

// Stats: most relays strong, one in eight weak (low upload or lossy).
for (const [n, v] of viewers.entries()) {
  const weak = n % 8 === 3;
  v.ws.send(JSON.stringify({ type: 'stats', rttMs: 20 + (n % 50), lossPercent: weak ? 9 : n % 3 * 0.5,
    bitrateKbps: 800, uploadKbps: weak ? 300 : 2000 + (n % 20) * 400, cpu: 'nominal' }));
}
await sleep(2000);

async function topology() {
  return rest('GET', `/api/livestream/${created.streamId}/topology`);
}
function depths(t) {
  const d = new Map();
  t.nodes.slice(1).forEach((n) => d.set(n.depth, (d.get(n.depth) || 0) + 1));
  return [...d.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `depth ${k}: ${v}`).join(', ');
}
const before = await topology();
console.log(`tree after stats: max depth ${before.depth}; ${depths(before)}`);
const changesAfterStats = viewers.reduce((s, v) => s + v.parentChanges, 0);

// Relays drop, one at a time: time until every child of it has another parent.
const repairs = [];
let orphans = 0;
for (let i = 0; i < DROPS; i++) {
  const alive = viewers.filter((v) => v.ws.readyState === WebSocket.OPEN && v.children.size > 0);
  if (alive.length === 0) break;
  const relay = alive[Math.floor(Math.random() * alive.length)];
  const kids = viewers.filter((v) => relay.children.has(v.peerId) && v.ws.readyState === WebSocket.OPEN);
  orphans += kids.length;
  const start = performance.now();
  const done = Promise.all(kids.map((k) => new Promise((r) => k.waiters.push(r))));
  relay.ws.terminate();
  await Promise.race([done, sleep(10000)]);
  repairs.push(performance.now() - start);
  await sleep(50);
}
const after = await topology();
const metrics = await (await fetch(`${BASE}/metrics?scope=application`)).text();
const metric = (name) => Number((metrics.match(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)`, 'm')) || [])[1]);
console.log(`after ${repairs.length} relay drops (${orphans} orphans): max depth ${after.depth}; ${depths(after)}`);
console.log(`re-parented by stats: ${changesAfterStats}; in total (server): ${metric('relaycast_relay_reparented_total')}`);
console.log(`drop → all children re-parented, seen by the clients: p50 ${pct(repairs, 0.5).toFixed(1)} ms, p99 ${pct(repairs, 0.99).toFixed(1)} ms, max ${Math.max(...repairs).toFixed(1)} ms`);
console.log(`server-side repair time: last ${(metric('relaycast_relay_repair_last_seconds') * 1000).toFixed(2)} ms, `
  + `max ${(metric('relaycast_relay_repair_max_seconds') * 1000).toFixed(2)} ms`);
[broadcaster, ...viewers].forEach((c) => c.ws.terminate());
await rest('POST', `/api/livestream/${created.streamId}/end`).catch(() => {});
process.exit(0);
