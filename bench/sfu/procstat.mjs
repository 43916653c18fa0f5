// CPU and memory of the processes under test, from /proc (Linux): the Relaycast server and the
// Janus instances are found by the TCP port they listen on.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function listeningInodes(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(f, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const c = line.trim().split(/\s+/);
      if (c.length > 9 && c[1].endsWith(`:${hex}`) && c[3] === '0A') inodes.add(c[9]);
    }
  }
  return inodes;
}

/** The pid of the process listening on this TCP port, or null (not visible to this user). */
export function pidListeningOn(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds = [];
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch { /* gone */ }
    }
  }
  return null;
}

/** CPU seconds used so far and resident memory (MB) of a pid; null when it is gone. */
export function sample(pid) {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { at: performance.now(), cpu: (Number(f[11]) + Number(f[12])) / TICKS, rssMb: rss ? Number(rss[1]) / 1024 : null };
  } catch {
    return null;
  }
}

/** Share of one core used between two samples, in percent. */
export function cpuPercent(a, b) {
  if (!a || !b) return null;
  return (100 * (b.cpu - a.cpu)) / ((b.at - a.at) / 1000);
}
