// Upload figures of a sending peer connection, for the console's connection table.

/** Updates entry.kbps from the bytes its connection has sent since the last sample. */
export async function sampleSent(entry) {
  const stats = await entry.pc.getStats();
  let bytes = 0;
  stats.forEach((r) => { if (r.type === 'outbound-rtp') bytes += r.bytesSent || 0; });
  const now = performance.now();
  entry.kbps = Math.max(0, ((bytes - entry.bytes) * 8) / (now - entry.at));
  entry.bytes = bytes;
  entry.at = now;
}

export function newEntry(pc, userId) {
  return { pc, userId, bytes: 0, at: performance.now(), kbps: 0 };
}
