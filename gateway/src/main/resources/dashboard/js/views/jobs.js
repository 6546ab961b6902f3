// The jobs list: newest first, filtered by status and function, paged, refreshed every two
// seconds while the view is open.
//
// Polling rather than server-sent events: EventSource cannot send an Authorization header, so a
// stream would need the token in its URL (which the page never does) or a cookie session the API
// does not have; one small list request every two seconds costs the gateway little.

import { h, fill } from '../dom.js';
import * as fmt from '../format.js';

const PAGE = 20;
const REFRESH_MS = 2000;

function hashOf(filters) {
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '' && v !== 0));
  return `#/jobs${q.toString() ? `?${q}` : ''}`;
}

function row(job) {
  return h('tr', { 'data-job-id': job.id },
    h('td', null, h('a', { href: `#/job/${encodeURIComponent(job.id)}`, class: 'job-link', title: job.id }, job.id.slice(0, 8))),
    h('td', null, h('span', { class: `badge status-${job.status}` }, fmt.shownStatus(job.status, job.sub_status))),
    h('td', { class: 'function' }, job.program.title),
    h('td', null, fmt.time(job.created)),
    h('td', null, fmt.time(job.started)),
    h('td', null, fmt.time(job.finished)),
    h('td', { class: 'num' }, fmt.duration(fmt.jobDuration(job))));
}

export function jobsView(screen, params) {
  const filters = {
    status: params.get('status') || '',
    function: params.get('function') || '',
    page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
  };
  const go = (change) => { location.hash = hashOf({ ...filters, page: 0, ...change }); };

  const status = h('select', { id: 'status-filter', onchange: () => go({ status: status.value }) },
    h('option', { value: '' }, 'any status'),
    fmt.WIRE_STATUSES.map((s) => h('option', { value: s, selected: s === filters.status }, fmt.shownStatus(s))));
  const fn = h('select', { id: 'function-filter', onchange: () => go({ function: fn.value }) },
    h('option', { value: '' }, 'any function'),
    filters.function && h('option', { value: filters.function, selected: true }, filters.function));
  screen.get('/api/v1/programs/').then((programs) => {
    for (const p of programs) {
      if (p.title !== filters.function) fn.append(h('option', { value: p.title }, p.title));
    }
  }).catch((e) => screen.problem(e));

  const body = h('tbody');
  const range = h('span', { id: 'jobs-range', class: 'muted' });
  const previous = h('button', { id: 'jobs-previous', type: 'button', disabled: true,
    onclick: () => go({ ...filters, page: filters.page - 1 }) }, '‹ Newer');
  const next = h('button', { id: 'jobs-next', type: 'button', disabled: true,
    onclick: () => go({ ...filters, page: filters.page + 1 }) }, 'Older ›');

  screen.every(REFRESH_MS, async () => {
    const page = await screen.get('/api/v1/jobs/', {
      limit: PAGE, offset: filters.page * PAGE, status: filters.status, function: filters.function,
    });
    fill(body, page.results.length ? page.results.map(row)
      : h('tr', null, h('td', { colspan: 7, class: 'muted' }, 'No jobs.')));
    const first = page.results.length ? filters.page * PAGE + 1 : 0;
    range.textContent = `${first}–${filters.page * PAGE + page.results.length} of ${page.count}`;
    previous.disabled = !page.previous;
    next.disabled = !page.next;
  });

  return h('section', { id: 'jobs-view' },
    h('h1', null, 'Jobs'), screen.banner,
    h('div', { class: 'toolbar' }, h('label', null, 'Status ', status), h('label', null, 'Function ', fn)),
    h('table', { id: 'jobs', class: 'grid' },
      h('thead', null, h('tr', null, ['Job', 'Status', 'Function', 'Created', 'Started', 'Finished', 'Duration']
        .map((c) => h('th', null, c)))),
      body),
    h('div', { class: 'pager' }, previous, range, next));
}
