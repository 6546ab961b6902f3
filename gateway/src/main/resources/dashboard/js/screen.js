// One view's lifetime: its API calls, its polling and its problem banner. Leaving the view stops
// the polling and aborts the calls still in flight, so an old view never writes into a new one.

import { h } from './dom.js';

export class Screen {
  constructor(client, me) {
    this.client = client;
    this.me = me;
    this.abort = new AbortController();
    this.timers = new Set();
    this.banner = h('p', { class: 'error', role: 'alert', hidden: true });
  }

  get stopped() {
    return this.abort.signal.aborted;
  }

  get(path, query) {
    return this.client.get(path, query, this.abort.signal);
  }

  /** Runs task now and then every ms after each run ends, until the view is left or task answers false. */
  every(ms, task) {
    const run = async () => {
      let again = true;
      try {
        again = (await task()) !== false;
        this.problem(null);
      } catch (e) {
        if (!this.stopped) this.problem(e);
        again = e.status !== 404; // gone, or never visible to this user: asking again will not help
      }
      if (again && !this.stopped) {
        const t = setTimeout(() => { this.timers.delete(t); run(); }, ms);
        this.timers.add(t);
      }
    };
    run();
  }

  /** Shows what failed (an API message or an error), or hides the banner for null. */
  problem(e) {
    if (e && e.name === 'AbortError') return;
    this.banner.hidden = !e;
    this.banner.textContent = e ? e.message : '';
  }

  stop() {
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
