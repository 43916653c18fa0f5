// Receiving a stream through the SFU: the server sends the SFU's offer (sfu:offer), the page
// answers. Quality is Auto (follows measured packet loss) or picked by hand (High / Medium / Low).
const LAYERS = ['low', 'medium', 'high'];

export class SfuReceiver {
  constructor({ sig, iceServers, onTrack, onState, layerSelect }) {
    Object.assign(this, { sig, iceServers, onTrack, onState, layerSelect });
    this.pc = null;
    this.layer = 2;
    this.calm = 0;
    this.lastLoss = null;
    layerSelect.addEventListener('change', () => this.choose(layerSelect.value));
    this.adapter = setInterval(() => this.adapt(), 3000);
  }

  /** The SFU's offer: a new peer connection each time (the broadcaster may have published again). */
  async offer(m) {
    this.close();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers() });
    this.pc = pc;
    pc.ontrack = (e) => this.onTrack(e);
    pc.onicecandidate = (e) => this.sig.send({ type: 'sfu:candidate', candidate: e.candidate || null });
    pc.onconnectionstatechange = () => this.onState(pc.connectionState);
    await pc.setRemoteDescription(m.sdp);
    await pc.setLocalDescription(await pc.createAnswer());
    this.sig.send({ type: 'sfu:answer', sdp: pc.localDescription });
  }

  choose(value) {
    if (value !== 'auto') this.send(LAYERS.indexOf(value));
  }

  send(layer) {
    if (layer < 0 || layer > 2) return;
    this.layer = layer;
    this.sig.send({ type: 'sfu:layer', layer: LAYERS[layer] });
  }

  /** Auto: a layer down when more than 5 % of packets are lost, a layer up after 9 s with under 1 %. */
  async adapt() {
    if (!this.pc || this.layerSelect.value !== 'auto') return;
    let lost = 0;
    let received = 0;
    (await this.pc.getStats()).forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'video') {
        lost = r.packetsLost || 0;
        received = r.packetsReceived || 0;
      }
    });
    const prev = this.lastLoss;
    this.lastLoss = { lost, received };
    if (!prev || received <= prev.received) return;
    const ratio = (lost - prev.lost) / Math.max(1, received - prev.received + lost - prev.lost);
    if (ratio > 0.05 && this.layer > 0) {
      this.calm = 0;
      this.send(this.layer - 1);
    } else if (ratio < 0.01 && ++this.calm >= 3 && this.layer < 2) {
      this.calm = 0;
      this.send(this.layer + 1);
    }
  }

  close() {
    if (this.pc) this.pc.close();
    this.pc = null;
    this.lastLoss = null;
  }
}
