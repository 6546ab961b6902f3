// The REST API v1, called with the session's bearer token. The token travels only in the
// Authorization header (never in a URL), and no answer is kept by the browser's cache.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function messageOf(res) {
  try {
    const body = await res.json();
    if (body && typeof body.message === 'string') return body.message;
  } catch (e) {
    // not a JSON error body: fall through to the status line
  }
  return `The gateway answered ${res.status} ${res.statusText}.`;
}

async function send(url, init) {
  const res = await fetch(url, { cache: 'no-store', credentials: 'omit', ...init });
  if (!res.ok) throw new ApiError(res.status, await messageOf(res));
  return res;
}

/** Exchanges a user name and password for an API token. */
export async function login(username, password) {
  const res = await send('/api/v1/auth/login/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return (await res.json()).token;
}

/** A client bound to one token; onUnauthenticated runs when the gateway stops accepting it. */
export function client(token, onUnauthenticated) {
  async function call(method, path, { query, json, form, signal } = {}) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const headers = { Authorization: `Bearer ${token}` };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    try {
      return await send(url, { method, headers, body, signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthenticated(e.message);
      throw e;
    }
  }
  const json = async (res) => (res.status === 204 ? null : res.json());
  return {
    get: (path, query, signal) => call('GET', path, { query, signal }).then(json),
    post: (path, body, signal) => call('POST', path, { json: body, signal }).then(json),
    upload: (path, form) => call('POST', path, { form }).then(json),
    delete: (path, query) => call('DELETE', path, { query }).then(json),
    /** The raw response, for downloads. */
    fetch: (path, query) => call('GET', path, { query }),
  };
}
