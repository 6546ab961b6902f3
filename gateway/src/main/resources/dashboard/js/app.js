// The dashboard's shell: the session (a token in sessionStorage), the login form, the header and
// the router from the URL's hash (#/jobs, #/job/<id>, #/functions, #/files) to a view.

import * as api from './api.js';
import { h, fill } from './dom.js';
import { Screen } from './screen.js';
import { jobsView } from './views/jobs.js';
import { jobView } from './views/job.js';
import { functionsView } from './views/functions.js';
import { filesView } from './views/files.js';

const TOKEN_KEY = 'qs.token';
const main = document.getElementById('main');
let session = null;
let screen = null;

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  // A fresh page load: nothing the last user saw stays in memory for the next one.
  location.replace(location.pathname);
}

async function enter(token) {
  const client = api.client(token, () => session && logout());
  const me = await client.get('/api/v1/auth/me/');
  sessionStorage.setItem(TOKEN_KEY, token);
  session = { client, me };
  document.getElementById('username').textContent = me.username;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  window.addEventListener('hashchange', route);
  route();
}

function showLogin(message) {
  const problem = h('p', { class: 'error', id: 'login-error', role: 'alert', hidden: !message }, message || '');
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password' });
  const token = h('input', { id: 'login-token', name: 'token', type: 'password', autocomplete: 'off' });
  const submit = h('button', { id: 'login-submit', type: 'submit' }, 'Log in');
  const form = h('form', { id: 'login', class: 'card', onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const t = token.value.trim() || await api.login(username.value, password.value);
      await enter(t);
    } catch (e) {
      problem.textContent = e.status === 401 ? `Not logged in: ${e.message}` : e.message;
      problem.hidden = false;
      submit.disabled = false;
    }
  } },
  h('h1', null, 'Log in'),
  h('label', null, 'User name', username),
  h('label', null, 'Password', password),
  h('p', { class: 'muted' }, 'or'),
  h('label', null, 'API token', token),
  submit, problem);
  fill(main, form);
  username.focus();
}

const ROUTES = {
  jobs: (s, p) => jobsView(s, p),
  job: (s, p, id) => jobView(s, id),
  functions: (s) => functionsView(s),
  files: (s) => filesView(s),
};

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, arg] = path.split('/');
  const view = ROUTES[name] ? name : 'jobs';
  if (screen) screen.stop();
  screen = new Screen(session.client, session.me);
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('current', a.dataset.view === (view === 'job' ? 'jobs' : view));
  }
  fill(main, ROUTES[view](screen, new URLSearchParams(query || ''), arg && decodeURIComponent(arg)));
}

document.getElementById('logout').addEventListener('click', logout);
// Back after a logout may restore the old page, memory and all, from the back-forward cache.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && !sessionStorage.getItem(TOKEN_KEY)) location.reload();
});
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  enter(saved).catch((e) => {
    sessionStorage.removeItem(TOKEN_KEY);
    showLogin(e.message);
  });
} else {
  showLogin();
}
