// The console's captions box: what is typed reaches viewers as it is typed (interim), Enter sends
// the line (final: kept for the recording's captions).
import { api, showProblem } from '../api.js';

const INTERIM_DELAY_MS = 600;

export function captionBox({ streamId, form, input }) {
  const url = `/api/livestream/${encodeURIComponent(streamId)}/captions`;
  let timer = null;
  const send = (text, final) => api('POST', url, { text, final });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text) timer = setTimeout(() => send(text, false).catch(() => {}), INTERIM_DELAY_MS);
  });
  input.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    e.preventDefault();
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return;
    try {
      await send(text, true);
      input.value = '';
    } catch (err) {
      showProblem(err.message || String(err));
    }
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}
