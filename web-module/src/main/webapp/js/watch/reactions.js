// Reactions on the player: the six buttons send one each (the server counts them and sends every
// room the totals of each short window, reaction:counts), and each window's totals float up over
// the picture — a few emoji per kind, however many were sent.
const MAX_PER_KIND = 6;

export function reactionBar({ buttons, burst, send }) {
  for (const b of buttons.querySelectorAll('button[data-emoji]')) {
    b.addEventListener('click', () => send({ type: 'reaction', emoji: b.dataset.emoji }));
  }
  return {
    /** A window's totals: emoji → count. */
    show(counts) {
      for (const [emoji, n] of Object.entries(counts || {})) {
        for (let i = 0; i < Math.min(n, MAX_PER_KIND); i++) {
          const s = document.createElement('span');
          s.textContent = emoji; // text, never markup
          s.style.left = `${5 + Math.random() * 85}%`;
          s.style.animationDelay = `${i * 0.12}s`;
          s.addEventListener('animationend', () => s.remove());
          burst.append(s);
        }
      }
    },
    enable(on) {
      for (const b of buttons.querySelectorAll('button')) b.disabled = !on;
    },
  };
}
