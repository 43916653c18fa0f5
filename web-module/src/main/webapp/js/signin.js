// Sends the credentials once with HTTP Basic; the server answers with its HttpOnly session
// cookie, which authenticates the console's pages, API calls and WebSocket handshakes from then on.
// X-Requested-With marks a script request: a wrong password then comes back without a Basic
// challenge, so the browser shows the page's message instead of its own password dialog.
const form = document.getElementById('signin-form');
const error = document.getElementById('signin-error');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const user = document.getElementById('username').value;
  const password = document.getElementById('password').value;
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  const basic = btoa(String.fromCharCode(...bytes));
  const res = await fetch('/api/session', {
    method: 'POST', credentials: 'same-origin', headers: { Authorization: `Basic ${basic}`, 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    error.textContent = res.status === 401 ? 'Wrong user or password.' : `Sign-in failed (HTTP ${res.status}).`;
    return;
  }
  const me = await res.json();
  // The server checked ?next= (a path on this server, never another host); checked again here.
  const next = form.dataset.next;
  location.href = sameOriginPath(next) ? next : (me.roles.includes('broadcaster') ? '/console' : '/');
});

/** "/x" yes; "//host", "/\\host", "/<tab>/host" (URL parsers drop tabs, read \\ as /) no. */
function sameOriginPath(p) {
  return typeof p === 'string' && p.startsWith('/') && p.length <= 2048 && !/[\u0000-\u0020\u007f\\]/.test(p)
    && (p.length === 1 || p[1] !== '/');
}
