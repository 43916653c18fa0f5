// Live captions as a captions text track of the player (the browser draws them; the viewer switches
// them on and off): each final line a cue of a few seconds, the line being written replaced as it grows.
const SHOW_SECONDS = 5;

export function liveCaptions({ video, toggle }) {
  let track = null;
  let interim = null;
  let on = true;

  function ensureTrack() {
    if (!track) {
      track = video.addTextTrack('captions', 'Live captions', 'en');
      track.mode = 'showing';
      toggle.hidden = false;
      toggle.addEventListener('click', () => {
        on = !on;
        track.mode = on ? 'showing' : 'hidden';
        toggle.textContent = on ? 'Captions on' : 'Captions off';
        toggle.setAttribute('aria-pressed', String(on));
      });
    }
    return track;
  }

  return {
    /** A caption message: {text, final}. */
    show(m) {
      const t = ensureTrack();
      if (interim) t.removeCue(interim);
      const now = video.currentTime || 0;
      // cue text is WebVTT cue markup: escaped, so that the captioner's text shows as text
      const cue = new VTTCue(now, now + SHOW_SECONDS, m.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      t.addCue(cue);
      interim = m.final ? null : cue;
    },
    get track() { return track; },
  };
}
