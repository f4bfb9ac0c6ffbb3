// The portal's only way to the server: the same /api that REST clients use.
// - Problems (RFC 9457) become ApiError with per-field messages, so forms can show them beside the field they name.
// - Cookie-session writes carry X-CSRF-Token (identity contract); every write the portal sends carries an Idempotency-Key
//   that belongs to one user intent (see WriteIntent), so a double click or a retry after a lost response posts once.

let csrfToken = null;
let onUnauthorized = () => {};

export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** Called when a request answers 401 (the session ended): the app sends the user to the login page. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? {};
    /** { "w4.filingStatus": ["..."], "lines[1].grossWages": ["..."] } */
    this.fieldErrors = problem?.errors ?? {};
  }

  get type() {
    return (this.problem.type ?? '').split('/').pop();
  }
}

/** A network failure: the request may or may not have reached the server, so a retry must reuse the same key. */
export class NetworkError extends Error {
  constructor(cause) {
    super('The server could not be reached. Check the connection and try again.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

/** file: a Blob sent as the body, as is, with its own type (an import file); body: a value sent as JSON. */
export async function request(method, path, { body, file, idempotencyKey, signal, allow401 = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file !== undefined) headers['Content-Type'] = file.type;
  const write = method !== 'GET' && method !== 'HEAD';
  if (write && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { title: text.slice(0, 200) };
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !allow401) onUnauthorized();
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};

export function newIdempotencyKey() {
  // getRandomValues also works outside secure contexts (plain http on a LAN address), unlike crypto.randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'portal-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One user intent ("create this payroll"). run() sends at most one request at a time: a second call while the first is in
 * flight gets the same promise, and the key stays the same until the server has answered definitively, so a retry after a
 * network error or a 5xx replays instead of writing twice. After an answer (success or a 4xx the user must fix), the next
 * run() is a new intent with a new key, because the server would refuse a reused key with a different body (422).
 */
export class WriteIntent {
  #key = null;
  #pending = null;

  get busy() {
    return this.#pending !== null;
  }

  run(send) {
    if (this.#pending) return this.#pending;
    this.#key ??= newIdempotencyKey();
    const key = this.#key;
    // Callbacks run asynchronously, so #pending is set before any of them clears it, even when send() throws at once.
    this.#pending = Promise.resolve()
      .then(() => send(key))
      .then(
        result => {
          this.#key = null;
          return result;
        },
        error => {
          const answered = error instanceof ApiError && error.status < 500 && error.type !== 'idempotency-key-in-flight';
          if (answered) this.#key = null;
          throw error;
        })
      .finally(() => {
        this.#pending = null;
      });
    return this.#pending;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Every page of a keyset list (the lists the portal shows are small: a company's employees, a month's payrolls). */
export async function getAll(path, params = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(path + query({ ...params, limit: 500, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
