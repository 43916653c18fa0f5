import { api, me } from './api.js';

// The same header on every page, built here instead of repeated in each HTML file.
function link(href, text, attrs = {}) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  Object.assign(a, attrs);
  return a;
}

const header = document.getElementById('top');
const brand = link('/', 'Relaycast', { className: 'brand' });
const nav = document.createElement('nav');
const consoleLink = link('/console', 'Console', { hidden: true });
const who = document.createElement('span');
who.id = 'who';
who.className = 'who';
const back = location.pathname === '/signin' ? '' : `?next=${encodeURIComponent(location.pathname)}`;
const signinLink = link(`/signin${back}`, 'Sign in', { id: 'signin-link' });
const signout = document.createElement('button');
signout.type = 'button';
signout.id = 'signout';
signout.textContent = 'Sign out';
signout.hidden = true;
nav.append(link('/', 'Live'), consoleLink, who, signinLink, signout);
header.append(brand, nav);

me().then((m) => {
  window.relaycastUser = m;
  if (m.authenticated) {
    who.textContent = m.userId;
    signinLink.hidden = true;
    signout.hidden = false;
  }
  consoleLink.hidden = !m.roles.includes('broadcaster');
}).catch(() => {});

signout.addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => {});
  location.href = '/';
});
