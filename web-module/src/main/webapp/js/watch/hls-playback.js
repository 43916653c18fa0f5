// "Compatible" playback: the stream's live HLS rendition through hls.js (served from this server),
// for networks where WebRTC cannot get through (UDP blocked) or by the viewer's choice. The link is
// signed and expires: when the server refuses it the page asks for a new one and carries on.
import { api } from '../api.js';

const HLS_JS = '/webjars/hls.js/1.4.12/dist/hls.light.min.js';
const RETRY_MS = 2000;

let loading = null;
/** hls.js as a classic script (window.Hls), loaded once and only by pages that need it. */
export function loadHlsJs() {
  loading ||= new Promise((resolve, reject) => {
    const s = Object.assign(document.createElement('script'), { src: HLS_JS, async: true });
    s.onload = () => resolve(window.Hls);
    s.onerror = () => reject(new Error('The HLS player could not be loaded.'));
    document.head.append(s);
  });
  return loading;
}

export class HlsPlayback {
  constructor({ streamId, video, onState, onUnavailable }) {
    Object.assign(this, { streamId, video, onState, onUnavailable });
    this.hls = null;
    this.timer = null;
    this.active = false;
  }

  async link() {
    return api('GET', `/api/livestream/${encodeURIComponent(this.streamId)}/hls`);
  }

  /** Plays the rendition; until the server has one (the stream is starting), asks again every 2 s. */
  async start() {
    this.destroyPlayer();
    this.active = true;
    this.last = null;
    this.video.srcObject = null;
    let link;
    try {
      link = await this.link();
    } catch (e) {
      if (!this.active) return;
      // 503: being started (the first viewer's request starts it), a network error: ask again;
      // 404: no HLS here; 401/403: said, nothing to wait for
      const again = e.status === 503 || !e.status;
      if (again) {
        this.onState('waiting', 'Starting the compatible stream…');
        this.timer = setTimeout(() => this.start(), RETRY_MS);
      } else if (e.status === 404) {
        this.active = false;
        this.onUnavailable(); // no HLS on this server (or not for this stream): WebRTC it is
      } else {
        this.onState('error', e.message);
      }
      return;
    }
    if (!this.active) return;
    const Hls = await loadHlsJs().catch(() => null);
    if (Hls && Hls.isSupported()) {
      this.play(Hls, link.url);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.src = link.url; // Safari and iOS play HLS themselves
      this.video.play().catch(() => {});
      this.onState('live', 'Live (compatible)');
    } else {
      this.onState('error', 'This browser can play neither WebRTC nor HLS.');
    }
  }

  play(Hls, url) {
    this.destroyPlayer();
    // no worker: the pages' CSP allows no blob: workers; a low-latency live edge (two segments back)
    const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2, manifestLoadingMaxRetry: 6 });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      this.video.play().catch(() => {});
      this.onState('live', 'Live (compatible)');
    });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal || this.hls !== hls) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
        return;
      }
      // an expired link (403), a rendition restarting (404), the network: a new link, a new start
      this.destroyPlayer();
      this.onState('waiting', 'Reconnecting to the compatible stream…');
      this.timer = setTimeout(() => this.start(), RETRY_MS);
    });
    hls.loadSource(url);
    hls.attachMedia(this.video);
  }

  /** For the stats report: the estimated bandwidth and the frame rate being shown. */
  measures() {
    const q = this.video.getVideoPlaybackQuality?.();
    const now = performance.now();
    const frames = q ? q.totalVideoFrames : null;
    const fps = this.last && frames !== null && now > this.last.at ? ((frames - this.last.frames) * 1000) / (now - this.last.at) : null;
    this.last = { at: now, frames };
    const level = this.hls?.levels?.[this.hls.currentLevel];
    return { bitrateKbps: level ? level.bitrate / 1000 : null, framesPerSecond: fps };
  }

  destroyPlayer() {
    clearTimeout(this.timer);
    if (this.hls) this.hls.destroy();
    this.hls = null;
  }

  stop() {
    this.active = false;
    this.destroyPlayer();
    this.video.removeAttribute('src');
    this.video.load();
  }
}
