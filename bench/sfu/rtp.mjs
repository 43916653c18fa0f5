// What a synthetic viewer learns from the RTP it receives: packets, bytes, sequence gaps (loss) and
// H.264 / VP8 keyframes. RTCP (payload types 200-206 once the marker bit is masked) is not media.

/** True for an RTCP packet multiplexed on the RTP port (RFC 5761). */
export function isRtcp(b) {
  const pt = b[1] & 0x7f;
  return b.length >= 2 && pt >= 64 && pt <= 95;
}

/** The RTP payload's offset, after CSRCs and the header extension; -1 when the packet is too short. */
function payloadOffset(b) {
  if (b.length < 12) return -1;
  let off = 12 + (b[0] & 0x0f) * 4;
  if (b[0] & 0x10) {
    if (b.length < off + 4) return -1;
    off += 4 + b.readUInt16BE(off + 2) * 4;
  }
  return off < b.length ? off : -1;
}

/** Whether this H.264 RTP payload starts an IDR picture (or carries SPS, which precedes one). */
function h264Keyframe(p) {
  const type = p[0] & 0x1f;
  if (type === 5 || type === 7) return true;
  if (type === 28 && p.length > 1) return (p[1] & 0x80) !== 0 && ((p[1] & 0x1f) === 5 || (p[1] & 0x1f) === 7);
  if (type === 24) { // STAP-A: 16-bit sizes, then NAL units
    for (let i = 1; i + 2 < p.length;) {
      const size = p.readUInt16BE(i);
      const nal = p[i + 2] & 0x1f;
      if (nal === 5 || nal === 7) return true;
      i += 2 + size;
    }
  }
  return false;
}

/** Whether this VP8 RTP payload starts a key frame (RFC 7741: S bit, partition 0, P bit clear). */
function vp8Keyframe(p) {
  let i = 1;
  if (p[0] & 0x80) { // X: extension byte and its optional fields
    const x = p[1];
    i = 2;
    if (x & 0x80) i += (p[i] & 0x80) ? 2 : 1;
    if (x & 0x40) i += 1;
    if (x & 0x30) i += 1;
  }
  return (p[0] & 0x10) !== 0 && (p[0] & 0x07) === 0 && i < p.length && (p[i] & 0x01) === 0;
}

/** Counts one media stream (one SSRC) of one viewer. */
export class RtpCounter {
  constructor(codec) {
    this.codec = codec; // 'h264', 'vp8' or 'audio'
    this.packets = 0;
    this.bytes = 0;
    this.keyframes = 0;
    this.firstSeq = null;
    this.cycles = 0;
    this.lastSeq = 0;
    this.lastKeyTs = -1;
  }

  /** Counts a packet; true when it starts a keyframe. */
  add(b) {
    const seq = b.readUInt16BE(2);
    if (this.firstSeq === null) {
      this.firstSeq = seq;
      this.lastSeq = seq;
    } else {
      const delta = (seq - this.lastSeq + 0x10000) & 0xffff;
      if (delta > 0 && delta < 0x8000) {
        if (seq < this.lastSeq) this.cycles += 0x10000;
        this.lastSeq = seq;
      }
    }
    this.packets++;
    this.bytes += b.length;
    const off = payloadOffset(b);
    if (off < 0 || this.codec === 'audio') return false;
    const key = this.codec === 'vp8' ? vp8Keyframe(b.subarray(off)) : h264Keyframe(b.subarray(off));
    if (!key) return false;
    const ts = b.readUInt32BE(4); // SPS and IDR of one picture share a timestamp: one keyframe
    if (ts === this.lastKeyTs) return false;
    this.lastKeyTs = ts;
    this.keyframes++;
    return true;
  }

  /** Packets the sender numbered from the first to the last one seen here. */
  expected() {
    return this.firstSeq === null ? 0 : this.cycles + this.lastSeq - this.firstSeq + 1;
  }
}
