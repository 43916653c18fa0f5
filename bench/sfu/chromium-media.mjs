// The publisher's media from a headless Chromium with its fake camera and microphone, driven over
// the DevTools protocol: a real browser encoder, which answers Janus's keyframe requests (PLI) as
// the console's browser does. Signaling stays in Node (publisher.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const OFFER = `(async () => {
  window.pc?.close();
  const pc = new RTCPeerConnection();
  window.pc = pc;
  window.media ??= await navigator.mediaDevices.getUserMedia({ audio: true,
    video: { width: 640, height: 360, frameRate: 30 } });
  window.media.getTracks().forEach((t) => pc.addTrack(t, window.media));
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise((r) => { // the offer carries the candidates: nothing to trickle
    if (pc.iceGatheringState === 'complete') r();
    pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r();
  });
  return pc.localDescription.sdp;
})()`;

export class ChromiumMedia {
  /** Starts Chromium on a page of the server's origin (a secure context: localhost). */
  static async launch(origin) {
    const dir = mkdtempSync(join(tmpdir(), 'sfu-load-chromium-'));
    const proc = spawn(process.env.CHROMIUM ?? 'chromium', ['--headless=new', '--no-sandbox', '--mute-audio',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--remote-debugging-port=0',
      `--user-data-dir=${dir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const url = await new Promise((resolve, reject) => {
      let err = '';
      proc.stderr.on('data', (d) => {
        err += d;
        const m = /DevTools listening on (ws:\S+)/.exec(err);
        if (m) resolve(m[1]);
      });
      proc.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${err.slice(-500)}`)));
    });
    const media = new ChromiumMedia(proc, dir, new WebSocket(url, { perMessageDeflate: false }));
    await new Promise((r) => media.ws.once('open', r));
    const { targetId } = await media.call('Target.createTarget', { url: `${origin}/health/live` });
    media.session = (await media.call('Target.attachToTarget', { targetId, flatten: true })).sessionId;
    for (let i = 0; i < 100 && await media.eval('document.readyState') !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return media;
  }

  constructor(proc, dir, ws) {
    Object.assign(this, { proc, dir, ws, next: 1, pending: new Map() });
    ws.on('message', (data) => {
      const m = JSON.parse(data);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message));
      else p.resolve(m.result);
    });
  }

  call(method, params = {}) {
    const id = this.next++;
    const msg = { id, method, params, ...(this.session && !method.startsWith('Target.') ? { sessionId: this.session } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify(msg));
    });
  }

  async eval(expression) {
    const r = await this.call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`chromium: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** A new connection's offer (audio and video, candidates included). */
  offer() {
    return this.eval(OFFER);
  }

  answer(sdp) {
    return this.eval(`window.pc.setRemoteDescription({ type: 'answer', sdp: ${JSON.stringify(sdp)} }).then(() => true)`);
  }

  close() {
    this.proc.kill('SIGKILL');
    this.ws.terminate();
    setTimeout(() => rmSync(this.dir, { recursive: true, force: true }), 500);
  }
}
