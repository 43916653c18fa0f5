// The Q&A pane (watch page; the console with staff buttons): questions sorted by upvotes, the one
// being answered shown on top to everyone, live from question:* messages. Text is rendered as text.
import { api, showProblem } from './api.js';

const STAFF_ACTIONS = [['approved', 'Approve', (q) => q.state === 'pending'], ['answering', 'Answer now', (q) => q.state !== 'answering' && q.state !== 'answered'],
  ['answered', 'Answered', (q) => q.state === 'answering'], ['dismissed', 'Dismiss', (q) => q.state !== 'answered']];

export function qaPane({ streamId, list, form, input, anonymous, answering, signedIn, staff }) {
  const base = `/api/livestream/${encodeURIComponent(streamId)}/questions`;
  const questions = new Map();

  function render() {
    const sorted = [...questions.values()].sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
    list.replaceChildren(...sorted.map(item));
    const now = sorted.find((q) => q.state === 'answering');
    answering.hidden = !now;
    answering.textContent = now ? `Now answering: ${now.text}` : '';
  }

  function item(q) {
    const li = document.createElement('li');
    li.dataset.questionId = q.id;
    li.dataset.state = q.state;
    const text = Object.assign(document.createElement('p'), { textContent: q.text });
    const meta = Object.assign(document.createElement('span'), { className: 'muted',
      textContent: `${q.anonymous && !q.author ? 'Anonymous' : q.author}${q.anonymous && q.author ? ' (anonymous to others)' : ''} · ${q.state}` });
    const vote = Object.assign(document.createElement('button'), { type: 'button', className: 'upvote',
      textContent: `▲ ${q.votes}`, disabled: !signedIn() || q.state === 'pending' || q.state === 'answered' });
    vote.setAttribute('aria-pressed', String(Boolean(q.votedByMe)));
    vote.setAttribute('aria-label', `Upvote (${q.votes})`);
    vote.addEventListener('click', () => upvote(q.id));
    li.append(vote, text, meta);
    if (staff()) {
      for (const [state, label, shown] of STAFF_ACTIONS) {
        if (!shown(q)) continue;
        const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
        b.addEventListener('click', () => moderate(q.id, state));
        li.append(b);
      }
    }
    return li;
  }

  async function upvote(id) {
    try {
      const q = await api('POST', `${base}/${encodeURIComponent(id)}/vote`);
      questions.set(id, { ...questions.get(id), votes: q.votes, votedByMe: q.votedByMe });
      render();
    } catch (e) {
      showProblem(e.message || String(e));
    }
  }

  async function moderate(id, state) {
    await api('PUT', `${base}/${encodeURIComponent(id)}`, { state }).catch((e) => showProblem(e.message || String(e)));
  }

  form?.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const q = await api('POST', base, { text: input.value, anonymous: anonymous.checked });
      questions.set(q.id, q);
      input.value = '';
      render();
    } catch (err) {
      showProblem(err.message || String(err));
    }
  });

  return {
    async load() {
      const { questions: all } = await api('GET', `${base}?sort=top`).catch(() => ({ questions: [] }));
      all.forEach((q) => questions.set(q.id, q));
      render();
    },
    upsert(m) {
      const known = questions.get(m.id);
      questions.set(m.id, { ...known, ...m, votedByMe: known?.votedByMe, author: m.author ?? known?.author });
      render();
    },
    remove(id) {
      questions.delete(id);
      render();
    },
    votes(counts) {
      for (const [id, n] of Object.entries(counts || {})) {
        if (questions.has(id)) questions.set(id, { ...questions.get(id), votes: n });
      }
      render();
    },
  };
}
