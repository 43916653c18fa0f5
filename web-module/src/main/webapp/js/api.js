// Small fetch helpers: JSON in, JSON out, problem bodies turned into Error(detail).

/** The invite link's token this page was opened with (?invite=), passed on to every call about the stream. */
export const invite = new URLSearchParams(location.search).get('invite');

/** A stream's API path or media URL with the page's invite token, when it has one. */
export function withInvite(path) {
  if (!invite || !path.startsWith('/api/livestream/')) return path;
  return `${path}${path.includes('?') ? '&' : '?'}invite=${encodeURIComponent(invite)}`;
}

export async function api(method, path, body) {
  path = withInvite(path);
  const init = { method, headers: { 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((data && data.detail) || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return data;
}

export const me = () => api('GET', '/api/session');

/**
 * A failed action, said in the page instead of an alert box: in the page's error banner
 * (`#console-error` or `#page-error`, role=alert) when it has one.
 */
export function showProblem(message) {
  const banner = document.getElementById('console-error') || document.getElementById('page-error');
  if (!banner) {
    console.error(message);
    return;
  }
  banner.textContent = message;
  banner.hidden = false;
}
