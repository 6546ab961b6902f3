// The caller's functions, with how often each has run (the count of its jobs).

import { h, fill } from '../dom.js';
import * as fmt from '../format.js';

export function functionsView(screen) {
  const body = h('tbody', null, h('tr', null, h('td', { colspan: 8, class: 'muted' }, 'Loading…')));
  (async () => {
    const programs = await screen.get('/api/v1/programs/');
    const runs = await Promise.all(programs.map((p) => screen.get('/api/v1/jobs/', { function: p.title, limit: 1 }).then((page) => page.count)));
    fill(body, programs.length ? programs.map((p, i) => h('tr', { 'data-title': p.title },
      h('td', null, h('a', { href: `#/jobs?function=${encodeURIComponent(p.title)}` }, p.title)),
      h('td', null, h('code', null, p.entrypoint)),
      h('td', null, p.version || '—'),
      h('td', { class: 'num' }, p.revision),
      h('td', null, p.disabled ? h('span', { class: 'badge status-FAILED' }, 'disabled') : 'enabled'),
      h('td', { class: 'num runs' }, runs[i]),
      h('td', null, fmt.time(p.updated || p.created)),
      h('td', { class: 'description' }, p.description || '')))
      : h('tr', null, h('td', { colspan: 8, class: 'muted' }, 'No functions yet: upload one with ./qs upload or the SDK.')));
  })().catch((e) => screen.problem(e));
  return h('section', { id: 'functions-view' },
    h('h1', null, 'Functions'), screen.banner,
    h('table', { id: 'functions', class: 'grid' },
      h('thead', null, h('tr', null, ['Title', 'Entrypoint', 'Version', 'Revisions', 'State', 'Runs', 'Updated', 'Description']
        .map((c) => h('th', null, c)))),
      body));
}
