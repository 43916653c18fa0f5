// The console's "New stream" form: checked before it is sent, and the server's refusals shown
// next to the field they are about, in words rather than API field names.
import { api } from '../api.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['title', 'description', 'scheduled', 'tags', 'max-viewers', 'relay-fanout', 'allowed-users'];
// API field → the form's field, for refusals that name one.
const API_FIELDS = { title: 'title', description: 'description', scheduledAt: 'scheduled', relayFanout: 'relay-fanout',
  allowedUsers: 'allowed-users', allowedGroups: 'allowed-users', tags: 'tags', 'A tag': 'tags', 'A stream has': 'tags',
  maxViewers: 'max-viewers' };
const WORDS = {
  title: 'Check the title: at most 200 characters, and no control characters.',
  description: 'Check the description: at most 2,000 characters, and no control characters.',
  scheduled: 'The start time must be in the future (or leave it empty to go live now).',
  'relay-fanout': 'Choose between 1 and 8 viewers.',
  'allowed-users': 'Check the names: at most 200, each without control characters.',
  tags: 'At most 10 tags, each one short word of letters and digits (hyphens inside allowed).',
  'max-viewers': 'Leave it empty for no limit, or give a number from 1 to 1,000,000.',
};

const names = (id) => $(id).value.split(',').map((n) => n.trim()).filter(Boolean);

function showError(field, message) {
  const input = $(field);
  input.setAttribute('aria-invalid', 'true');
  $(`${field}-error`).textContent = message;
  $(`${field}-error`).hidden = false;
}

function clearErrors() {
  for (const f of FIELDS) {
    $(f).removeAttribute('aria-invalid');
    $(`${f}-error`).hidden = true;
  }
  $('create-error').hidden = true;
}

/** What is wrong before asking the server: the first field to fix, or null. */
function check() {
  if (!$('title').value.trim()) return ['title', 'Give the stream a title.'];
  const at = $('scheduled').value;
  if (at && new Date(at).getTime() <= Date.now()) return ['scheduled', WORDS.scheduled];
  if (names('tags').length > 10) return ['tags', WORDS.tags];
  const max = $('max-viewers').value;
  if (max && !(Number.isInteger(Number(max)) && Number(max) >= 1 && Number(max) <= 1000000)) {
    return ['max-viewers', WORDS['max-viewers']];
  }
  const fanout = Number($('relay-fanout').value);
  if ($('delivery-mode').value === 'relay' && !(fanout >= 1 && fanout <= 8)) return ['relay-fanout', WORDS['relay-fanout']];
  if ($('visibility').value === 'restricted' && names('allowed-users').length + names('allowed-groups').length === 0) {
    return ['allowed-users', 'Name at least one person or group (or choose who may watch differently).'];
  }
  return null;
}

/** A refusal from the server, placed on its field where it names one. */
function placeServerError(err) {
  const named = Object.keys(API_FIELDS).find((f) => err.message.startsWith(f) || err.message.includes(` ${f} `));
  if (named) {
    showError(API_FIELDS[named], WORDS[API_FIELDS[named]]);
    $(API_FIELDS[named]).focus();
    return;
  }
  $('create-error').textContent = err.status === 429 || err.status === 409
    ? err.message : `The stream could not be created: ${err.message}`;
  $('create-error').hidden = false;
}

/** Wires the form; `onCreated(streamId, streamKey)` opens the studio. */
export function createForm(onCreated) {
  $('visibility').addEventListener('change', () => { $('allowed-fields').hidden = $('visibility').value !== 'restricted'; });
  $('create-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const problem = check();
    if (problem) {
      showError(...problem);
      $(problem[0]).focus();
      return;
    }
    const scheduled = $('scheduled').value ? new Date($('scheduled').value).toISOString() : undefined;
    $('create').disabled = true;
    try {
      const created = await api('POST', '/api/livestream/create', {
        title: $('title').value.trim(), description: $('description').value,
        recordingEnabled: $('recording').checked, scheduledAt: scheduled,
        delivery: $('delivery-mode').value || undefined,
        relayFanout: $('delivery-mode').value === 'relay' ? Number($('relay-fanout').value) : undefined,
        visibility: $('visibility').value || undefined,
        allowedUsers: $('visibility').value === 'restricted' ? names('allowed-users') : undefined,
        allowedGroups: $('visibility').value === 'restricted' ? names('allowed-groups') : undefined,
        tags: names('tags'), maxViewers: $('max-viewers').value ? Number($('max-viewers').value) : undefined,
      });
      await onCreated(created.streamId, created.streamKey);
    } catch (err) {
      placeServerError(err);
    } finally {
      $('create').disabled = false;
    }
  });
}
