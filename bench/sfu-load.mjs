// SFU load: many synthetic WebRTC viewers (libdatachannel, no browser) watching one stream
// delivered through Janus by a running Relaycast. It creates its own `sfu` stream as a demo
// broadcaster and publishes into it (ffmpeg's test picture over a real WebRTC connection), then
// joins the viewers as the watch page does and counts the RTP they receive.
//
//   cd bench && npm install
//   node sfu-load.mjs --viewers=N [--base=http://localhost:9080] [--procs=P] [--ramp=S] [--measure=S]
//        [--timeout=S] [--credentials=alice:alice-demo] [--publisher=chromium|ffmpeg]
//        [--viewer-base=URL]   (viewers join through another node of a cluster; default --base)
//        [--size=640x360] [--kbps=600] [--gop=30]   (the last three: the ffmpeg publisher's encoder)
//
// The server must run with JANUS_URL (or JANUS_URLS), and Janus must reach this machine on an
// address other than loopback. Percentiles are over the viewers that reached each stage (the
// counts are printed). The last line is the summary:
//   sfu-load: viewers=<asked> receiving=<n> join-to-keyframe p50=<ms> p95=<ms> loss=<pct>%
import { fork } from 'node:child_process';
import { Publisher } from './sfu/publisher.mjs';
import { cpuPercent, pidListeningOn, sample } from './sfu/procstat.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const BASE = (args.base ?? 'http://localhost:9080').replace(/\/$/, '');
// viewers may join through another node of a cluster than the one the broadcaster publishes through
const VIEWER_BASE = (args['viewer-base'] ?? BASE).replace(/\/$/, '');
const VIEWERS = Number(args.viewers ?? 30);
const PROCS = Math.max(1, Math.min(VIEWERS, Number(args.procs ?? Math.ceil(VIEWERS / 250))));
const RAMP_S = Number(args.ramp ?? Math.max(1, VIEWERS / 50)); // joins spread over this many seconds
const MEASURE_S = Number(args.measure ?? 10);
const TIMEOUT_S = Number(args.timeout ?? 60 + RAMP_S);
const auth = 'Basic ' + Buffer.from(args.credentials ?? 'alice:alice-demo').toString('base64');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (s) => process.stderr.write(`${s}\n`);

function pct(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
}
const ms = (v) => (v === null ? 'n/a' : String(Math.round(v)));

const janusPorts = (process.env.JANUS_URLS ?? process.env.JANUS_URL ?? '').split(',').filter(Boolean)
  .map((u) => Number(new URL(u.trim()).port || 8188));
const serverPid = pidListeningOn(Number(new URL(BASE).port || 80));
const janusPids = janusPorts.map(pidListeningOn).filter(Boolean);

const SOURCE = args.publisher ?? 'chromium';
const publisher = new Publisher({ base: BASE, auth, source: SOURCE, size: args.size, kbps: Number(args.kbps ?? 600), gop: Number(args.gop ?? 30) });
const streamId = await publisher.start(`sfu-load ${VIEWERS} viewers`);
log(`stream ${streamId} published; ${VIEWERS} viewers in ${PROCS} process(es) over ${RAMP_S} s`);
await sleep(1500); // the first keyframes reach Janus

const workers = Array.from({ length: PROCS }, () => fork(new URL('./sfu/worker.mjs', import.meta.url)));
const ask = (w) => new Promise((resolve) => { w.once('message', resolve); w.send({ cmd: 'snapshot' }); });
const snapshot = async () => {
  const answers = await Promise.all(workers.map(ask));
  return { viewers: answers.flatMap((a) => a.snapshots), clientCpu: answers.reduce((s, a) => s + a.cpu.user + a.cpu.system, 0) / 1e6 };
};
const joinsFrom = { server: sample(serverPid), janus: janusPids.map(sample) };
const startedAt = performance.now();
let first = 0;
workers.forEach((w, i) => {
  const count = Math.floor(VIEWERS / PROCS) + (i < VIEWERS % PROCS ? 1 : 0);
  w.send({ cmd: 'start', base: VIEWER_BASE, streamId, count, first, rampMs: RAMP_S * 1000 });
  first += count;
});

// Until every viewer has its first keyframe (or the timeout)
let s = await snapshot();
let allAt = null;
while (performance.now() - startedAt < TIMEOUT_S * 1000) {
  await sleep(1000);
  s = await snapshot();
  const keyed = s.viewers.filter((v) => v.toKeyframe !== null).length;
  log(`${((performance.now() - startedAt) / 1000).toFixed(0)} s: joined ${s.viewers.filter((v) => v.joined).length}, `
    + `first keyframe ${keyed} of ${VIEWERS}`);
  if (keyed === VIEWERS) { allAt = performance.now() - startedAt; break; }
}

// The measurement window: what arrives, and what it costs
const joinsTo = { server: sample(serverPid), janus: janusPids.map(sample) };
const a = s;
const cpuA = { server: sample(serverPid), janus: janusPids.map(sample), at: performance.now() };
const heap = async () => {
  try {
    const text = await (await fetch(`${BASE}/metrics?scope=base`)).text();
    const m = /^(?:base_)?memory_usedHeap_bytes(?:\{[^}]*\})?\s+(\S+)/m.exec(text);
    return m ? Number(m[1]) / 1048576 : null;
  } catch { return null; }
};
await sleep(MEASURE_S * 1000);
const b = await snapshot();
const cpuB = { server: sample(serverPid), janus: janusPids.map(sample), at: performance.now() };
const heapMb = await heap();
workers.forEach((w) => w.send({ cmd: 'stop' }));
await publisher.stop();

let expected = 0;
let received = 0;
let bytes = 0;
let receiving = 0;
let reoffered = 0;
let receivingAgain = 0;
const atStart = new Map(a.viewers.map((v) => [v.name, v]));
const none = { videoPackets: 0, videoExpected: 0, videoBytes: 0, audioPackets: 0, audioExpected: 0, audioBytes: 0 };
b.viewers.forEach((v) => {
  const before = atStart.get(v.name) ?? none; // a viewer still joining when the window opened
  const video = v.videoPackets - before.videoPackets;
  if (v.toKeyframe !== null && video > 0) receiving++;
  if (v.offers > 1) {
    reoffered++;
    if (v.keyframesNow > 0 && video > 0) receivingAgain++;
  }
  expected += v.videoExpected - before.videoExpected + v.audioExpected - before.audioExpected;
  received += video + v.audioPackets - before.audioPackets;
  bytes += v.videoBytes - before.videoBytes + v.audioBytes - before.audioBytes;
});
const loss = expected > 0 ? Math.max(0, (100 * (expected - received)) / expected) : 100;
const windowS = (cpuB.at - cpuA.at) / 1000;
const joined = b.viewers.filter((v) => v.joined).length;
const toRtp = b.viewers.map((v) => v.toRtp).filter((t) => t !== null);
const toKey = b.viewers.map((v) => v.toKeyframe).filter((t) => t !== null);
const errors = [...new Set(b.viewers.flatMap((v) => v.errors))];

const line = (k, v) => console.log(`${k.padEnd(28)} ${v}`);
line('viewers asked/joined/receiving', `${VIEWERS} / ${joined} / ${receiving}  (${PROCS} client process(es), joins over ${RAMP_S} s)`);
line('all receiving after', allAt === null ? `not within ${TIMEOUT_S} s` : `${(allAt / 1000).toFixed(1)} s from the first join`);
const stage = (k) => b.viewers.map((v) => v[k]).filter((t) => t !== null);
for (const [k, label] of [['toJoined', 'stream:joined'], ['toOffer', 'sfu:offer'], ['toConnected', 'ICE+DTLS connected']]) {
  line(`join -> ${label} (ms)`, `p50 ${ms(pct(stage(k), 0.5))}  p95 ${ms(pct(stage(k), 0.95))}  p99 ${ms(pct(stage(k), 0.99))}  (of the ${stage(k).length} that got there)`);
}
line('join -> first RTP (ms)', `p50 ${ms(pct(toRtp, 0.5))}  p95 ${ms(pct(toRtp, 0.95))}  p99 ${ms(pct(toRtp, 0.99))}  (of ${toRtp.length})`);
line('join -> first keyframe (ms)', `p50 ${ms(pct(toKey, 0.5))}  p95 ${ms(pct(toKey, 0.95))}  p99 ${ms(pct(toKey, 0.99))}  (of ${toKey.length}; ${SOURCE === 'ffmpeg' ? `ffmpeg: a keyframe every ${args.gop ?? 30} frames` : 'Chromium: a keyframe when asked'})`);
line('packet loss', `${loss.toFixed(2)} % of ${expected} packets over ${windowS.toFixed(1)} s`);
line('received bitrate', `${(bytes * 8 / windowS / 1e6).toFixed(1)} Mbit/s in all, ${receiving ? (bytes * 8 / windowS / 1e3 / receiving).toFixed(0) : 0} kbit/s per receiving viewer`);
const pc = (x) => (x === null ? 'n/a' : `${x.toFixed(0)} %`);
line('Relaycast server', serverPid ? `CPU ${pc(cpuPercent(cpuA.server, cpuB.server))} of a core, heap ${heapMb === null ? 'n/a' : heapMb.toFixed(0) + ' MB'}, RSS ${cpuB.server?.rssMb?.toFixed(0)} MB` : 'not found on this machine');
line('during the joins', `Relaycast CPU ${pc(cpuPercent(joinsFrom.server, joinsTo.server))} of a core, `
  + `Janus CPU ${janusPids.map((_, i) => pc(cpuPercent(joinsFrom.janus[i], joinsTo.janus[i]))).join(' + ')}`);
janusPids.forEach((pid, i) => line(`Janus ${i + 1} (pid ${pid})`, cpuB.janus[i] === null ? 'gone (it exited during the run)'
  : `CPU ${pc(cpuPercent(cpuA.janus[i], cpuB.janus[i]))} of a core, RSS ${cpuB.janus[i].rssMb?.toFixed(0)} MB`));
if (janusPids.length === 0) line('Janus', 'not found on this machine (set JANUS_URL or JANUS_URLS)');
line('load client', `CPU ${pc((100 * (b.clientCpu - a.clientCpu)) / windowS)} of a core (its ${PROCS} process(es))`);
line('joins refused, retried', `${b.viewers.reduce((n, v) => n + v.refusals, 0)} (rate-limited: VIEWERS_JOINS_PER_ADDRESS_PER_SECOND, all viewers share one address)`);
line('new offers (moved, or republished)', `${reoffered} viewers, ${receivingAgain} of them receiving on their new connection`);
line('signaling messages', `${b.viewers.reduce((n, v) => n + v.messages, 0)} to the viewers, ${publisher.messages} to the broadcaster`);
if (errors.length) line('errors seen', errors.slice(0, 5).join('; '));
console.log(`sfu-load: viewers=${VIEWERS} receiving=${receiving} join-to-keyframe p50=${ms(pct(toKey, 0.5))} p95=${ms(pct(toKey, 0.95))} loss=${loss.toFixed(2)}%`);
process.exit(0);
