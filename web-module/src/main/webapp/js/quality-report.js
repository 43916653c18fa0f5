// The viewer page tells the server how its connection is doing (the `stats` message every 5 s):
// round-trip time, packet loss, received bitrate and frame rate from getStats(). The console shows
// them per viewer; they never leave the server otherwise.
export function reportQuality(getPc, send, extras = async () => ({}), everyMs = 5000) {
  let last = null;
  return setInterval(async () => {
    const pc = getPc();
    if (!pc || pc.connectionState !== 'connected') return;
    const stats = await pc.getStats().catch(() => null);
    if (!stats) return;
    let rtt = null; let lost = 0; let received = 0; let bytes = 0; let fps = null;
    stats.forEach((s) => {
      if (s.type === 'candidate-pair' && s.nominated && s.currentRoundTripTime !== undefined) rtt = s.currentRoundTripTime * 1000;
      if (s.type === 'inbound-rtp') {
        lost += s.packetsLost || 0;
        received += s.packetsReceived || 0;
        bytes += s.bytesReceived || 0;
        if (s.kind === 'video' && s.framesPerSecond !== undefined) fps = s.framesPerSecond;
      }
    });
    const now = performance.now();
    const kbps = last && now > last.at ? ((bytes - last.bytes) * 8) / (now - last.at) : null;
    last = { at: now, bytes };
    const round = (x) => (x === null || !Number.isFinite(x) ? null : Math.max(0, Math.round(x * 10) / 10));
    send({
      ...(await extras()),
      type: 'stats',
      rttMs: round(rtt),
      lossPercent: round(received + lost > 0 ? (100 * lost) / (received + lost) : null),
      bitrateKbps: round(kbps),
      framesPerSecond: round(fps),
    });
  }, everyMs);
}
