import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const userId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());

async function load() {
  $('title').textContent = userId;
  const { streams } = await api('GET', `/api/livestream/user/${encodeURIComponent(userId)}?limit=200`);
  $('empty').hidden = streams.length > 0;
  $('streams').replaceChildren(...streams.map((s) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.textContent = s.title;
    a.href = s.status === 'ended' ? `/vod/${encodeURIComponent(s.id)}` : `/watch/${encodeURIComponent(s.id)}`;
    const meta = document.createElement('span');
    meta.className = 'muted';
    const when = s.startedAt || s.scheduledAt || s.createdAt;
    meta.textContent = ` — ${s.status}${s.recordingUrl ? ', recorded' : ''}, ${new Date(when).toLocaleString()}`;
    li.append(a, meta);
    return li;
  }));
}

load().catch((e) => { $('title').textContent = e.message; });
