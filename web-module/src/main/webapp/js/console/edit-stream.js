// Changing or cancelling a scheduled stream from "Your streams": PATCH with only what changed,
// DELETE after a second, explicit confirmation. The server's refusal is said in the dialog.
import { api } from '../api.js';

const $ = (id) => document.getElementById(id);
let current = null;
let done = () => {};

/** A UTC instant as the value of a datetime-local input (local time, minutes). */
function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

const words = (value) => value.split(',').map((t) => t.trim()).filter(Boolean);

/** Only the fields the broadcaster changed: an unchanged time is not sent (it may be in the past). */
function changes(s) {
  const body = {};
  if ($('edit-title').value.trim() !== s.title) body.title = $('edit-title').value.trim();
  if ($('edit-description').value !== (s.description || '')) body.description = $('edit-description').value;
  if ($('edit-scheduled').value !== localInput(s.scheduledAt) && $('edit-scheduled').value) {
    body.scheduledAt = new Date($('edit-scheduled').value).toISOString();
  }
  const tags = words($('edit-tags').value.toLowerCase());
  if (tags.join(',') !== (s.tags || []).join(',')) body.tags = tags;
  const max = $('edit-max-viewers').value ? Number($('edit-max-viewers').value) : 0;
  if (max !== (s.maxViewers || 0)) body.maxViewers = max;
  return body;
}

function fail(err) {
  $('edit-error').textContent = err.message;
  $('edit-error').hidden = false;
}

/** Opens the dialog for stream `s`; `onChanged` runs after a save or a cancellation. */
export function editStream(s, onChanged) {
  current = s;
  done = onChanged;
  $('edit-title').value = s.title;
  $('edit-description').value = s.description || '';
  $('edit-scheduled').value = localInput(s.scheduledAt);
  $('edit-tags').value = (s.tags || []).join(', ');
  $('edit-max-viewers').value = s.maxViewers || '';
  $('edit-error').hidden = true;
  $('cancel-confirm').hidden = true;
  $('edit-dialog').showModal();
}

$('edit-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = changes(current);
  if (Object.keys(body).length === 0) { $('edit-dialog').close(); return; }
  $('edit-save').disabled = true;
  try {
    await api('PATCH', `/api/livestream/${encodeURIComponent(current.id)}`, body);
    $('edit-dialog').close();
    await done();
  } catch (err) {
    fail(err);
  } finally {
    $('edit-save').disabled = false;
  }
});
$('edit-close').addEventListener('click', () => $('edit-dialog').close());
$('edit-cancel-stream').addEventListener('click', () => {
  $('cancel-confirm').hidden = false;
  $('cancel-keep').focus();
});
$('cancel-keep').addEventListener('click', () => { $('cancel-confirm').hidden = true; });
$('cancel-confirm-button').addEventListener('click', async () => {
  try {
    await api('DELETE', `/api/livestream/${encodeURIComponent(current.id)}`);
    $('edit-dialog').close();
    await done();
  } catch (err) {
    fail(err);
  }
});
