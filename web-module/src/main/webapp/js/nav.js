import { api, me } from './api.js';

const who = document.getElementById('who');
const signinLink = document.getElementById('signin-link');
const signout = document.getElementById('signout');

me().then((m) => {
  window.relaycastUser = m;
  if (m.authenticated) {
    who.textContent = m.userId;
    signinLink.hidden = true;
    signout.hidden = false;
  }
  document.querySelectorAll('[data-staff]').forEach((a) => { a.hidden = !m.roles.includes('broadcaster'); });
}).catch(() => {});

signout.addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => {});
  location.href = '/';
});
