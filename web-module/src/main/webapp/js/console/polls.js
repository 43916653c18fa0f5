// The console's polls: ask the room (draft and open in one go), see the results live, close.
import { api, showProblem } from '../api.js';
import { pollPane } from '../poll.js';

const $ = (id) => document.getElementById(id);

export class PollPanel {
  constructor(streamId) {
    this.base = `/api/livestream/${encodeURIComponent(streamId)}/polls`;
    this.pane = pollPane({ streamId, root: $('poll'), question: $('poll-question'), options: $('poll-options'), chart: $('poll-chart'),
      note: $('poll-note'), canVote: () => false });
    $('poll-form').onsubmit = (e) => this.ask(e);
    $('poll-close').onclick = () => this.close();
  }

  load() {
    return this.pane.load();
  }

  /** poll:update from the room. */
  show(m) {
    this.pane.show(m);
    this.open = m.state === 'open' ? m.pollId : null;
    $('poll-close').hidden = !this.open;
  }

  async ask(e) {
    e.preventDefault();
    const form = e.target;
    const options = form.elements['poll-options'].value.split('\n').map((o) => o.trim()).filter(Boolean);
    try {
      const poll = await api('POST', this.base, { question: form.elements['poll-question'].value, options });
      await api('POST', `${this.base}/${encodeURIComponent(poll.id)}/open`);
      form.reset();
    } catch (err) {
      showProblem(err.message || String(err));
    }
  }

  async close() {
    if (!this.open) return;
    await api('POST', `${this.base}/${encodeURIComponent(this.open)}/close`).catch((err) => showProblem(err.message || String(err)));
  }
}
