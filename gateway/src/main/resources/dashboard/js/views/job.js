// One job: summary, Stop, status timeline (from its events), errors, the log followed while the
// job runs, and its result. Refreshed every second until the job has finished.

import { h, fill } from '../dom.js';
import * as fmt from '../format.js';
import { renderResult } from '../result.js';

const REFRESH_MS = 1000;
// The page holds at most this much of a log (its end); the gateway answers at most the last MiB.
export const LOG_CAP = 256 * 1024;

function summary(job) {
  const r = job.resources || {};
  const rows = [
    ['Function', h('a', { href: `#/jobs?function=${encodeURIComponent(job.program.title)}` }, job.program.title)],
    ['Status', h('span', { id: 'job-status', class: `badge status-${job.status}` }, fmt.shownStatus(job.status, job.sub_status))],
    ['Created', fmt.time(job.created)],
    ['Started', fmt.time(job.started)],
    ['Finished', fmt.time(job.finished)],
    ['Duration', fmt.duration(fmt.jobDuration(job))],
    ['Resources', r.cpu === undefined ? '—' : `${r.cpu} cpu · ${fmt.bytes(r.mem)} · timeout ${fmt.duration(r.timeout * 1000)}`],
  ];
  return h('dl', { class: 'summary' }, rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

function timelineOf(events) {
  const steps = [];
  for (const e of events) {
    const d = e.data || {};
    if (e.event_type === 'STATUS_CHANGE' && d.status) steps.push({ label: fmt.shownStatus(d.status), status: d.status, at: e.created });
    if (e.event_type === 'SUB_STATUS_CHANGE' && d.sub_status) {
      steps.push({ label: `RUNNING: ${fmt.shownSubStatus(d.sub_status)}`, status: 'RUNNING', at: e.created });
    }
  }
  const t0 = steps.length ? Date.parse(steps[0].at) : 0;
  return h('ol', { id: 'timeline', class: 'timeline' }, steps.map((s) => h('li', { class: `status-${s.status}` },
    h('span', { class: 'step' }, s.label),
    h('time', { datetime: s.at }, fmt.time(s.at)),
    h('span', { class: 'muted' }, `+${fmt.duration(Date.parse(s.at) - t0)}`))));
}

function errorsOf(job, events) {
  const errors = events.filter((e) => e.event_type === 'ERROR');
  if (!errors.length && !(job.status === 'FAILED' && job.reason)) return null;
  return h('section', { id: 'errors', class: 'card error-card' },
    h('h2', null, 'Error'),
    job.reason && h('p', { class: 'reason' }, job.reason),
    errors.map((e) => {
      const d = e.data || {};
      return h('div', { class: 'error-event' },
        h('p', null, h('strong', null, d.exception || d.code || 'ERROR'), ' ', d.message || ''),
        h('p', { class: 'muted' }, `${fmt.time(e.created)} · ${e.origin}`),
        d.log_tail && h('pre', { class: 'log-tail' }, d.log_tail));
    }));
}

function logPanel() {
  const pre = h('pre', { id: 'logs', class: 'logs', hidden: true });
  const note = h('p', { id: 'logs-note', class: 'muted' }, 'No log yet.');
  const follow = h('input', { id: 'logs-follow', type: 'checkbox', checked: true });
  // Scrolling up to read stops the following; scrolling back to the end resumes it.
  pre.addEventListener('scroll', () => { follow.checked = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 2; });
  return {
    element: h('section', { class: 'card' },
      h('h2', null, 'Logs ', h('label', { class: 'inline muted' }, follow, ' follow')), note, pre),
    show(text, finished) {
      if (text === null) {
        if (finished) note.textContent = 'The job wrote no log.';
        return;
      }
      pre.hidden = false;
      const held = text.length > LOG_CAP ? text.slice(text.length - LOG_CAP) : text;
      if (pre.textContent !== held) {
        pre.textContent = held;
        if (follow.checked) pre.scrollTop = pre.scrollHeight;
      }
      note.textContent = text.length > LOG_CAP
        ? `Showing the last ${fmt.bytes(LOG_CAP)} of ${fmt.bytes(text.length)} characters.` : '';
    },
  };
}

export function jobView(screen, id) {
  const path = `/api/v1/jobs/${encodeURIComponent(id)}`;
  const head = h('div');
  const timeline = h('div');
  const errors = h('div');
  const result = h('section', { id: 'result-section', class: 'card' }, h('h2', null, 'Result'), h('p', { class: 'muted' }, 'No result yet.'));
  const logs = logPanel();
  const stop = h('button', { id: 'stop', type: 'button', class: 'danger', hidden: true, onclick: async () => {
    stop.disabled = true;
    try {
      const answer = await screen.client.post(`${path}/stop/`);
      stopMessage.textContent = answer.message;
    } catch (e) {
      screen.problem(e);
      stop.disabled = false;
    }
  } }, 'Stop');
  const stopMessage = h('span', { id: 'stop-message', class: 'muted' });

  screen.every(REFRESH_MS, async () => {
    const [job, events, log] = await Promise.all([screen.get(`${path}/`), screen.get(`${path}/events/`), screen.get(`${path}/logs/`)]);
    const finished = fmt.isFinished(job.status);
    fill(head, summary(job));
    fill(timeline, h('h2', null, 'Timeline'), timelineOf(events));
    fill(errors, errorsOf(job, events));
    logs.show(log && log.logs, finished);
    stop.hidden = finished;
    if (finished) {
      // The log asked for alongside the status may predate the job's last lines: ask once more.
      const [last, answer] = await Promise.all([screen.get(`${path}/logs/`), screen.get(`${path}/result/`)]);
      logs.show(last && last.logs, true);
      fill(result, h('h2', null, 'Result'), answer ? renderResult(answer.result) : h('p', { class: 'muted' }, 'The job saved no result.'));
    }
    return !finished;
  });

  return h('section', { id: 'job-view' },
    h('p', null, h('a', { href: '#/jobs' }, '‹ Jobs')),
    h('h1', null, 'Job ', h('code', { id: 'job-id' }, id), ' ', stop, ' ', stopMessage),
    screen.banner, head,
    h('div', { class: 'columns' }, h('section', { class: 'card' }, timeline), errors),
    logs.element, result);
}
