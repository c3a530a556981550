// Calls to the public Tact API from the try-it pages (same origin, so no CORS and no third party).

const KEY_STORAGE = "tact.apiKey";

/** The API key typed on a page, kept for this browser tab only. */
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

function headers(extra) {
  const all = { ...extra };
  const key = apiKey();
  if (key) all.Authorization = `Bearer ${key}`;
  return all;
}

/**
 * One API call. Resolves to {status, body} for every HTTP answer (errors included, so a page can
 * show the server's own message); rejects only when the server cannot be reached.
 */
export async function call(method, path, body, signal) {
  const init = { method, headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }), signal };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = { error: { code: "not_json", message: `the server answered ${response.status} without JSON` } };
  }
  return { status: response.status, body: payload };
}

/** The message to show for an error answer or a network failure. */
export function errorText(result) {
  if (result instanceof Error) return `The Tact server did not answer (${result.message}). Is \`make serve\` running?`;
  const error = (result.body && result.body.error) || {};
  if (result.status === 401 || result.status === 403) {
    return `${error.message || "This server needs an API key."} Enter your team's API key above.`;
  }
  return error.message || `The server answered ${result.status}.`;
}

/** Runs `fn` once calls stop arriving for `ms` milliseconds; `.now()` runs it at once. */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.now = (...args) => {
    clearTimeout(timer);
    return fn(...args);
  };
  return debounced;
}
