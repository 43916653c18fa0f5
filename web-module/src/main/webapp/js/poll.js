// The poll pane (watch page, and the console's view of it): the open poll's question and options
// as buttons with a bar each (share of the votes), live from poll:update; signed-in viewers vote
// once. A closed poll stays with its final results. Text is rendered as text.
import { api, showProblem } from './api.js';
import { pollChart } from './poll-chart.js';

export function pollPane({ streamId, root, question, options, note, canVote, chart }) {
  const base = `/api/livestream/${encodeURIComponent(streamId)}/polls`;
  let current = null;
  let draw = null;
  const voted = new Set();

  function show(p) {
    if (!p || (current && p.pollId !== current.pollId && p.state === 'closed' && current.state === 'open')) return;
    current = p;
    root.hidden = false;
    question.textContent = p.question + (p.state === 'closed' ? ' (closed)' : '');
    const total = p.votes.reduce((a, b) => a + b, 0);
    options.replaceChildren(...p.options.map((text, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.disabled = !canVote() || p.state !== 'open' || voted.has(p.pollId);
      const share = total ? Math.round((100 * p.votes[i]) / total) : 0;
      const bar = Object.assign(document.createElement('i'), { className: 'bar' });
      bar.style.width = `${share}%`;
      const label = Object.assign(document.createElement('span'), { textContent: text });
      const count = Object.assign(document.createElement('span'), { textContent: `${p.votes[i]} (${share} %)` });
      count.className = 'count';
      b.append(bar, label, count);
      b.addEventListener('click', () => vote(p.pollId, i));
      li.append(b);
      return li;
    }));
    if (chart) {
      draw = draw || pollChart(chart);
      draw(p.options, p.votes);
    }
    note.textContent = `${total} vote${total === 1 ? '' : 's'}${voted.has(p.pollId) ? ' · you voted' : ''}`
      + (p.state === 'open' && !canVote() ? ' · sign in to vote' : '');
  }

  async function vote(pollId, option) {
    try {
      await api('POST', `${base}/${encodeURIComponent(pollId)}/vote`, { option });
      voted.add(pollId);
    } catch (e) {
      if (String(e.message || e).includes('voted')) voted.add(pollId);
      else showProblem(e.message || String(e));
    }
    if (current) show(current);
  }

  return {
    show: (m) => show({ ...m }),
    /** The latest open poll (or the latest closed one) when the page opens. */
    async load() {
      const { polls } = await api('GET', base).catch(() => ({ polls: [] }));
      const open = polls.filter((p) => p.state === 'open').pop() || polls.filter((p) => p.state === 'closed').pop();
      if (open) show({ pollId: open.id, question: open.question, options: open.options, votes: open.votes, state: open.state });
    },
  };
}
