// How the page writes statuses, times, durations and sizes.

const SHOWN = {
  QUEUED: 'QUEUED', PENDING: 'INITIALIZING', RUNNING: 'RUNNING',
  SUCCEEDED: 'DONE', FAILED: 'ERROR', STOPPED: 'CANCELED',
};
// Sub-statuses as the clients show them (API.md): three differ from their wire names.
const SHOWN_SUB = {
  MAPPING: 'MAPPING', OPTIMIZING_HARDWARE: 'OPTIMIZING_FOR_HARDWARE', WAITING_QPU: 'WAITING_FOR_QPU',
  EXECUTING_QPU: 'EXECUTING_QPU', POST_PROCESSING: 'POST_PROCESSING',
};

export const WIRE_STATUSES = Object.keys(SHOWN);

export function shownStatus(status, subStatus) {
  const shown = SHOWN[status] || status;
  return status === 'RUNNING' && subStatus ? `${shown}: ${SHOWN_SUB[subStatus] || subStatus}` : shown;
}

export function shownSubStatus(subStatus) {
  return SHOWN_SUB[subStatus] || subStatus;
}

export function isFinished(status) {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'STOPPED';
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** An ISO instant in the browser's time zone, to the second: 2026-12-01 14:05:09. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Milliseconds as 850 ms, 4.2 s, 3 min 07 s or 2 h 05 min. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(Math.floor(s % 60))} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** How long the job ran: started to finished, or to now while it runs. */
export function jobDuration(job, now = Date.now()) {
  if (!job.started) return null;
  return (job.finished ? Date.parse(job.finished) : now) - Date.parse(job.started);
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
