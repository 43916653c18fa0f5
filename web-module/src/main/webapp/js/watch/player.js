// The viewer's player: what state the stream is in, said three ways at once — the overlay on the
// video (with a countdown to a scheduled start, in the viewer's own time zone), the #state status
// line that screen readers announce, and controls that only work when there is something to control.
const $ = (id) => document.getElementById(id);

const TIME = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short',
  hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** "2 d 03:04:05", "03:04:05", "04:05". */
export function countdownText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n) => String(n).padStart(2, '0');
  const clock = h || d ? `${two(h)}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
  return d ? `${d} d ${clock}` : clock;
}

export class Player {
  constructor() {
    this.video = $('video');
    this.ticker = null;
    this.wire();
  }

  /** One state for the status line and the overlay; `live` hides the overlay. */
  show(state, text, { title, detail = '', link = null } = {}) {
    $('state').dataset.state = state;
    $('state').textContent = text;
    clearInterval(this.ticker);
    $('countdown').hidden = true;
    $('overlay').hidden = state === 'live';
    $('overlay-title').textContent = title || text;
    $('overlay-detail').textContent = detail;
    const a = $('overlay-link');
    a.hidden = !link;
    if (link) {
      a.href = link.href;
      a.textContent = link.text;
    }
  }

  /** Not live yet: the start in the viewer's time zone, a countdown, and the event for their calendar. */
  scheduled(scheduledAt, calendarHref) {
    const at = scheduledAt ? new Date(scheduledAt) : null;
    this.show('scheduled', at ? `Not started yet — starts ${TIME.format(at)}. This page updates when it goes live.`
      : 'Not started yet — this page updates when it goes live.',
    { title: 'Not started yet', detail: at ? `Starts ${TIME.format(at)}` : 'The broadcaster has not gone live yet.',
      link: at && calendarHref ? { href: calendarHref, text: 'Add to calendar' } : null });
    if (!at) return;
    const tick = () => {
      const left = at.getTime() - Date.now();
      $('countdown').hidden = left <= 0;
      $('countdown').textContent = countdownText(left);
      if (left <= 0) {
        $('overlay-detail').textContent = 'Any moment now…';
        clearInterval(this.ticker);
      }
    };
    tick();
    this.ticker = setInterval(tick, 1000);
    $('countdown').setAttribute('aria-label', 'Time until the start');
  }

  /** After the end: nothing left to play, so the controls go quiet; the recording, when there is one. */
  ended(recordingHref) {
    this.show('ended', 'This stream has ended.', {
      title: 'This stream has ended',
      detail: recordingHref ? 'It was recorded.' : 'Thanks for watching.',
      link: recordingHref ? { href: recordingHref, text: 'Watch the recording' } : null,
    });
    if (recordingHref) {
      const a = document.createElement('a');
      a.id = 'recording-link';
      a.href = recordingHref;
      a.textContent = ' Watch the recording.';
      $('state').append(a);
    }
    this.video.srcObject = null;
    for (const id of ['unmute', 'volume', 'fullscreen', 'pip', 'like', 'layer', 'playback']) $(id).disabled = true;
    $('viewers').textContent = '0';
    $('recording-badge').hidden = true;
  }

  /** Called off before it started: nothing will play here. */
  cancelled() {
    this.show('cancelled', 'This stream was cancelled.', { title: 'This stream was cancelled',
      detail: 'The broadcaster called it off; it will not go live.' });
    for (const id of ['unmute', 'volume', 'fullscreen', 'pip', 'like', 'layer', 'playback']) $(id).disabled = true;
  }

  /** The owner changed the title, description or time: the page and a waiting room's countdown follow. */
  revised(m, calendarHref) {
    $('title').textContent = m.title;
    document.title = `Relaycast — ${m.title}`;
    if ($('state').dataset.state === 'scheduled') this.scheduled(m.scheduledAt, calendarHref);
  }

  recording(on) {
    $('recording-badge').hidden = !on;
  }

  toggleMute() {
    this.video.muted = !this.video.muted;
    $('unmute').setAttribute('aria-pressed', String(!this.video.muted));
    $('unmute').textContent = this.video.muted ? 'Unmute' : 'Mute';
  }

  togglePlay() {
    if (!this.video.srcObject && !this.video.currentSrc) return; // WebRTC's stream, or HLS through MSE
    if (this.video.paused) this.video.play().catch(() => {});
    else this.video.pause();
  }

  fullscreen() {
    const stage = $('player');
    if (document.fullscreenElement) document.exitFullscreen?.();
    else (stage.requestFullscreen ? stage : this.video).requestFullscreen?.().catch(() => {});
  }

  wire() {
    $('unmute').addEventListener('click', () => this.toggleMute());
    $('volume').addEventListener('input', (e) => { this.video.volume = Number(e.target.value); });
    $('fullscreen').addEventListener('click', () => this.fullscreen());
    $('pip').addEventListener('click', () => this.video.requestPictureInPicture?.().catch(() => {}));
    // k / space: play-pause, m: mute, f: fullscreen — not while typing, and not with modifiers.
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('input, textarea, select, button, summary, a')) return;
      const key = e.key.toLowerCase();
      if (key === 'k' || key === ' ') { e.preventDefault(); this.togglePlay(); }
      if (key === 'm') this.toggleMute();
      if (key === 'f') this.fullscreen();
    });
  }
}
