// A load-client process: carries its share of the synthetic viewers (libdatachannel's threads and
// this process's event loop are what each viewer costs the client) and answers the parent's asks.
import nodeDataChannel from 'node-datachannel';
import { SyntheticViewer } from './viewer.mjs';

const viewers = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start({ base, streamId, count, first, rampMs }) {
  for (let i = 0; i < count; i++) {
    const v = new SyntheticViewer({ base, streamId, name: `viewer-${first + i}` });
    viewers.push(v);
    v.join().catch((e) => v.errors.push(e.message));
    // evenly over the ramp; at least one event-loop turn between joins
    await sleep(count > 1 ? rampMs / count : 0);
  }
}

process.on('message', async (m) => {
  if (m.cmd === 'start') start(m);
  else if (m.cmd === 'snapshot') process.send({ snapshots: viewers.map((v) => v.snapshot()), cpu: process.cpuUsage() });
  else if (m.cmd === 'stop') {
    viewers.forEach((v) => v.close());
    await sleep(500);
    nodeDataChannel.cleanup();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
