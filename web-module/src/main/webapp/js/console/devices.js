// Camera, microphone and screen: the preview, device pickers, and which source is on air.
// `onSourceChange(stream)` is called whenever what viewers should get changes.

export class Devices {
  constructor({ preview, camera, microphone, note, banner, onSourceChange }) {
    Object.assign(this, { preview, camera, microphone, note, banner, onSourceChange });
    this.media = null;
    this.screen = null;
    camera.addEventListener('change', () => this.startPreview());
    microphone.addEventListener('change', () => this.startPreview());
  }

  /** Camera and microphone. Without a camera the stream goes on with the microphone (and a screen share). */
  async startPreview() {
    if (this.stopped) return;
    const video = this.camera.value ? { deviceId: { exact: this.camera.value } } : { width: 640, height: 480 };
    const audio = this.microphone.value ? { deviceId: { exact: this.microphone.value } } : true;
    let media;
    try {
      media = await navigator.mediaDevices.getUserMedia({ video, audio });
      this.banner.hidden = true;
    } catch (err) {
      media = await navigator.mediaDevices.getUserMedia({ audio }).catch(() => new MediaStream());
      const heard = media.getAudioTracks().length ? 'your microphone' : 'nothing';
      this.note.textContent = `${Devices.howToFix(err)} Until then viewers get ${heard}, or your screen if you share it.`;
      this.banner.hidden = false;
    }
    if (this.media) this.media.getTracks().forEach((t) => t.stop());
    this.media = media;
    if (!this.screen) this.preview.srcObject = media;
    this.onSourceChange(this.outgoing()); // a new microphone is heard during a screen share too
  }

  /** What went wrong with the camera, and what the broadcaster can do about it. */
  static howToFix(err) {
    if (err.name === 'NotAllowedError' || err.name === 'SecurityError') {
      return 'The camera is blocked for this site. Allow the camera and microphone in the browser\'s address bar '
        + '(the camera icon), then choose Retry.';
    }
    if (err.name === 'NotReadableError' || err.name === 'AbortError') {
      return 'The camera is in use by another application. Close it (a video call, another tab), then choose Retry.';
    }
    return 'No camera was found. Connect one, then choose Retry.';
  }

  hasVideo() {
    return this.outgoing().getVideoTracks().some((t) => t.readyState === 'live');
  }

  /** After the end: every camera, microphone and screen track stopped (the browser's indicator goes off). */
  stopAll() {
    for (const s of [this.media, this.screen]) s?.getTracks().forEach((t) => t.stop());
    this.screen = null;
    this.preview.srcObject = null;
    this.stopped = true;
  }

  async listDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const [kind, select] of [['videoinput', this.camera], ['audioinput', this.microphone]]) {
      const current = select.value;
      select.replaceChildren(...devices.filter((d) => d.kind === kind).map((d, i) => {
        const o = document.createElement('option');
        o.value = d.deviceId;
        o.textContent = d.label || `${kind} ${i + 1}`;
        return o;
      }));
      if (current) select.value = current;
    }
  }

  /** What viewers get: the screen (if shared) or the camera, with the chosen microphone. */
  outgoing() {
    if (!this.screen) return this.media;
    return new MediaStream([...this.screen.getVideoTracks(), ...this.media.getAudioTracks()]);
  }

  microphoneTrack() {
    return this.media && this.media.getAudioTracks()[0];
  }

  /** Asks for a screen; `onEnded` runs when the browser's "stop sharing" ends it. */
  async shareScreen(onEnded) {
    const screen = await Promise.race([
      navigator.mediaDevices.getDisplayMedia({ video: true }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('screen picker timed out')), 15000)),
    ]);
    this.screen = screen;
    screen.getVideoTracks()[0].addEventListener('ended', onEnded);
    this.preview.srcObject = screen;
    this.onSourceChange(this.outgoing());
  }

  /** Back to the camera; false when no screen was shared. */
  useCamera() {
    if (!this.screen) return false;
    this.screen.getTracks().forEach((t) => t.stop());
    this.screen = null;
    this.preview.srcObject = this.media;
    this.onSourceChange(this.media);
    return true;
  }

  /** A small JPEG of the preview (null before the first frame). */
  async snapshot(width = 320) {
    const video = this.preview;
    if (!video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = Math.round((width * video.videoHeight) / video.videoWidth);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.7));
  }
}
