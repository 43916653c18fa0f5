// Side-by-side signaling benchmark: the same two workloads, from this one Node client, against
// Relaycast (already running), a stock PeerJS server and a Socket.IO relay (both started here).
//
//   cd bench && npm install && node signaling-bench.mjs [--relaycast=http://127.0.0.1:9080]
//        [--pairs=500] [--viewers=1000] [--messages=250] [--rate=50] [--rounds=3]
//        [--warmup=2] [--only=relaycast,peerjs,socketio] [--relaycast-pid=<pid of the Liberty JVM, for its CPU>]
//   A cluster: --relaycast=<node1>,<node2> --relaycast-pid=<pid1>,<pid2> (viewers split over the nodes)
//
// relay:   P broadcaster/viewer pairs, each in its own room, all viewers arriving at once; per pair
//          offer, answer and 10 + 10 ICE candidates; one-way latency of every relayed message.
// fan-out: N viewers in one room; one sender chats at R messages/s; per message the time from send
//          until the last viewer has it.
// Every server first gets --warmup rounds of both workloads that are printed but not counted: a JVM
// is still compiling the paths a workload takes for several rounds (a long-running server is not).
// Figures only, no assertions: results go to docs/performance.md. BENCH_DEBUG=1 also prints, per
// fan-out round, when the first viewer had each message and the spread from first to last.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { relaycast, peerjs, socketio } from './targets.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const PAIRS = Number(args.pairs ?? 500);
const VIEWERS = Number(args.viewers ?? 1000);
const MESSAGES = Number(args.messages ?? 250);
const RATE = Number(args.rate ?? 50);
const ROUNDS = Number(args.rounds ?? 3);
const WARMUP = Number(args.warmup ?? 2);
const ONLY = (args.only ?? 'relaycast,peerjs,socketio').split(',');
const BASE = args.relaycast ?? 'http://127.0.0.1:9080';
const TIMEOUT_MS = 120_000;

/** CPU seconds a process has used (Linux /proc), so that each server's cost per workload is printed too. */
function cpuSeconds(pid) {
  if (Array.isArray(pid)) return pid.reduce((sum, p) => sum + cpuSeconds(p), 0);
  if (!pid) return NaN;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return NaN; }
}

// Realistic sizes: a browser's SDP is 2–6 KB, a candidate about 150 bytes.
const SDP = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n'.padEnd(3000, 'a=x\r\n');
const CANDIDATE = 'candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx raddr 10.0.0.1 rport 46154';
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pct(values, p) {
  if (!values.length) return NaN;
  const v = Float64Array.from(values).sort();
  return v[Math.min(v.length - 1, Math.floor(v.length * p))];
}
const fmt = (x) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));

/** The round whose p99 is the median of all rounds: neither the luckiest nor the coldest. */
function medianRound(rounds) {
  if (!rounds.length) return null;
  const sorted = [...rounds].sort((a, b) => a.p99 - b.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function deferred(timeoutMs) {
  let resolve;
  const p = new Promise((r) => { resolve = r; setTimeout(() => r(false), timeoutMs).unref(); });
  return { p, resolve: () => resolve(true) };
}

async function relayRun(target, pairs) {
  const rooms = await target.rooms(pairs);
  const latencies = [];
  const clients = [];
  let complete = 0;
  let errors = 0;
  const all = deferred(TIMEOUT_MS);
  const sideDone = () => { if (++complete === 2 * pairs) all.resolve(); };
  const stamp = (sdpType) => (sdpType ? { type: sdpType, sdp: SDP, t: now() } : { candidate: CANDIDATE, sdpMid: '0', sdpMLineIndex: 0, t: now() });
  const side = (callsFirst) => {
    let candidates = 0;
    const self = {
      client: null,
      on: {
        error: () => { errors++; },
        signal(type, from, payload) {
          latencies.push(now() - payload.t);
          if (type === 'offer') {
            self.client.signal('answer', from, stamp('answer'));
            for (let i = 0; i < 10; i++) self.client.signal('candidate', from, stamp());
          } else if (type === 'answer') {
            for (let i = 0; i < 10; i++) self.client.signal('candidate', from, stamp());
          } else if (++candidates === 10) sideDone();
        },
        peer(peerId) { if (callsFirst) self.client.signal('offer', peerId, stamp('offer')); },
      },
    };
    return self;
  };
  // Broadcasters first, each ready before the viewers arrive.
  await Promise.all(rooms.map((room) => new Promise((ready) => {
    const b = side(!target.viewerCalls);
    b.on.ready = ready;
    b.client = target.connect(room, 'broadcaster', b.on);
    clients.push(b.client);
  })));
  const start = now();
  const cpu0 = cpuSeconds(target.pid);
  for (const room of rooms) {
    const v = side(false);
    if (target.viewerCalls) v.on.ready = () => v.client.signal('offer', null, stamp('offer'));
    v.client = target.connect(room, 'viewer', v.on);
    clients.push(v.client);
  }
  const finished = await all.p;
  const wall = now() - start;
  const cpu = cpuSeconds(target.pid) - cpu0;
  clients.forEach((c) => c.close());
  await target.release(rooms);
  return { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), max: pct(latencies, 1), n: latencies.length,
    expected: 22 * pairs, wall, finished, errors, cpu };
}

async function fanOutRun(target, viewers, messages, rate) {
  const [room] = await target.rooms(1);
  const sentAt = new Float64Array(messages);
  const lastAt = new Float64Array(messages);
  const firstAt = new Float64Array(messages);
  const count = new Uint32Array(messages);
  const clients = [];
  let errors = 0;
  const joinStart = now();
  const joinCpu0 = cpuSeconds(target.pid);
  await Promise.all(Array.from({ length: viewers }, () => new Promise((ready) => {
    clients.push(target.connect(room, 'viewer', {
      ready,
      error: () => { errors++; },
      chat(text) {
        const i = Number(text.slice(1, text.indexOf(' ')));
        lastAt[i] = now();
        if (count[i]++ === 0) firstAt[i] = lastAt[i];
      },
    }));
  })));
  const joinMs = now() - joinStart;
  const joinCpu = cpuSeconds(target.pid) - joinCpu0;
  const sender = await new Promise((ready) => {
    const c = target.connect(room, 'broadcaster', { ready: () => ready(c), error: () => { errors++; } });
  });
  clients.push(sender);
  await sleep(500);
  const t0 = now();
  const cpu0 = cpuSeconds(target.pid);
  for (let i = 0; i < messages; i++) {
    const due = t0 + (i * 1000) / rate;
    if (due > now()) await sleep(due - now());
    sentAt[i] = now();
    sender.chat(`m${i} bench message number ${i}`);
  }
  const deadline = now() + TIMEOUT_MS;
  while (now() < deadline && count.some((c) => c < viewers)) await sleep(50);
  const cpu = cpuSeconds(target.pid) - cpu0;
  const times = [];
  let delivered = 0;
  for (let i = 0; i < messages; i++) {
    delivered += count[i];
    if (count[i] === viewers) times.push(lastAt[i] - sentAt[i]);
  }
  if (process.env.BENCH_DEBUG) {
    const first = Array.from(firstAt, (f, i) => f - sentAt[i]);
    const spread = Array.from(lastAt, (l, i) => l - firstAt[i]);
    console.log(`    first receipt p50 ${fmt(pct(first, 0.5))} p99 ${fmt(pct(first, 0.99))}; first→last p50 ${fmt(pct(spread, 0.5))} p99 ${fmt(pct(spread, 0.99))}`);
  }
  clients.forEach((c) => c.close());
  await target.release([room]);
  return { p50: pct(times, 0.5), p99: pct(times, 0.99), max: pct(times, 1), complete: times.length, messages,
    delivered, expected: viewers * messages, joinMs, joinCpu, errors, cpu };
}

function startServer(script, port) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [String(port)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const targets = [];
const children = [];
if (ONLY.includes('relaycast')) {
  // several nodes: --relaycast=http://…:9080,http://…:9081 --relaycast-pid=<pid1>,<pid2> (CPU summed)
  const pids = String(args['relaycast-pid'] ?? '').split(',').map(Number).filter(Boolean);
  targets.push({ ...relaycast(BASE, args.credentials ?? 'alice:alice-demo'), pid: pids.length ? pids : null });
}
if (ONLY.includes('peerjs')) {
  const child = await startServer('./peerjs-server.mjs', 19900);
  children.push(child);
  targets.push({ ...peerjs(19900), pid: child.pid });
}
if (ONLY.includes('socketio')) {
  const child = await startServer('./socketio-relay.mjs', 19901);
  children.push(child);
  targets.push({ ...socketio(19901), pid: child.pid });
}

console.log(`Signaling benchmark, ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0].model}, Node ${process.version}`);
console.log(`relay: ${PAIRS} pairs at once; fan-out: ${VIEWERS} viewers, ${MESSAGES} messages at ${RATE}/s; table: the median round (by p99) of ${ROUNDS}, after ${WARMUP} warm-up rounds per server\n`);
const results = [];
for (const target of targets) {
  const relays = [];
  const fans = [];
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const label = round < 0 ? `warm-up ${round + WARMUP + 1}` : `round ${round + 1}`;
    const keep = (list, x) => { if (round >= 0) list.push(x); };
    if (PAIRS > 0) {
      const r = await relayRun(target, PAIRS);
      console.log(`  ${target.name} relay ${label}: p50 ${fmt(r.p50)} p99 ${fmt(r.p99)} max ${fmt(r.max)} ms, ${r.n}/${r.expected} messages in ${fmt(r.wall)} ms, server CPU ${r.cpu.toFixed(2)} s${r.errors ? `, ${r.errors} errors` : ''}`);
      keep(relays, r);
      await sleep(1000);
    }
    if (VIEWERS > 0 && !target.viewerCalls) {
      const f = await fanOutRun(target, VIEWERS, MESSAGES, RATE);
      console.log(`  ${target.name} fan-out ${label}: p50 ${fmt(f.p50)} p99 ${fmt(f.p99)} max ${fmt(f.max)} ms, ${f.delivered}/${f.expected} deliveries (server CPU ${f.cpu.toFixed(2)} s), ${VIEWERS} joined in ${fmt(f.joinMs)} ms (server CPU ${f.joinCpu.toFixed(2)} s)${f.errors ? `, ${f.errors} errors` : ''}`);
      keep(fans, f);
      await sleep(1000);
    }
  }
  results.push({ name: target.name, relay: medianRound(relays), fan: medianRound(fans) });
}
children.forEach((c) => c.kill());

const row = (label, f) => `| ${label} | ${results.map((r) => f(r)).join(' | ')} |`;
console.log(`\n| | ${results.map((r) => r.name).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
console.log(row(`relay, ${PAIRS} pairs: one-way p50 (ms)`, (r) => fmt(r.relay?.p50 ?? NaN)));
console.log(row(`relay, ${PAIRS} pairs: one-way p99 (ms)`, (r) => fmt(r.relay?.p99 ?? NaN)));
console.log(row(`relay: messages delivered`, (r) => (r.relay ? `${r.relay.n}/${r.relay.expected}` : '—')));
console.log(row(`relay: server CPU (s)`, (r) => (r.relay ? r.relay.cpu.toFixed(2) : '—')));
console.log(row(`fan-out to ${VIEWERS}: last receiver p50 (ms)`, (r) => fmt(r.fan?.p50 ?? NaN)));
console.log(row(`fan-out to ${VIEWERS}: last receiver p99 (ms)`, (r) => fmt(r.fan?.p99 ?? NaN)));
console.log(row(`fan-out: deliveries`, (r) => (r.fan ? `${r.fan.delivered}/${r.fan.expected}` : '—')));
console.log(row(`fan-out: server CPU (s)`, (r) => (r.fan ? r.fan.cpu.toFixed(2) : '—')));
console.log(row(`${VIEWERS} viewers joining one room (ms)`, (r) => fmt(r.fan?.joinMs ?? NaN)));
console.log(row(`${VIEWERS} viewers joining: server CPU (s)`, (r) => (r.fan ? r.fan.joinCpu.toFixed(2) : '—')));
process.exit(0);
