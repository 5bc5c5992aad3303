/**
 * Keep the council's last good bundle on the phone and revalidate it with its ETag.
 * Shared by the page (on every open) and the service worker (on a push).
 */
import { bundleProblems } from './bundle-shape.js';
import { getValue, setValue } from './storage.js';

/**
 * Read the saved bundle record of a council: {slug, bundle, etag, version, savedAt, checkedAt}.
 * @param {string} slug
 * @returns {Promise<Object|undefined>}
 */
export function savedBundle(slug) {
  return getValue(`bundle:${slug}`);
}

/** Ask the server for the bundle, conditionally when we already hold one. */
async function askServer(slug, saved) {
  const headers = saved?.etag ? { 'If-None-Match': saved.etag } : {};
  // no-store: our own If-None-Match must reach the server and its 304 must reach us.
  return fetch(`/api/v1/councils/${encodeURIComponent(slug)}/bundle`, { cache: 'no-store', headers });
}

/** Read a 200 answer into a new record, or null when it is broken. */
async function readAnswer(slug, response) {
  let bundle;
  try {
    bundle = JSON.parse(await response.text());
  } catch {
    return null;
  }
  if (bundleProblems(bundle, slug).length) return null;
  const version = Number(response.headers.get('X-Bundle-Version')) || null;
  const now = new Date().toISOString();
  return { slug, bundle, etag: response.headers.get('ETag'), version, savedAt: now, checkedAt: now };
}

/**
 * Revalidate a council's bundle with the server and save a new good one.
 * state: "updated" (a new version was saved), "current" (ours is the latest), "offline" (no
 * answer), "server" (an error answer) or "broken" (an unusable bundle): in the last three the
 * saved bundle stays in use.
 * @param {string} slug
 * @returns {Promise<{state: string, record: (Object|undefined), previous: (Object|undefined)}>}
 */
export async function refreshBundle(slug) {
  const saved = await savedBundle(slug);
  let response;
  try {
    response = await askServer(slug, saved);
  } catch {
    return { state: 'offline', record: saved, previous: saved };
  }
  if (response.status === 304 && saved) {
    const record = { ...saved, checkedAt: new Date().toISOString() };
    await setValue(`bundle:${slug}`, record);
    return { state: 'current', record, previous: saved };
  }
  if (!response.ok) return { state: 'server', record: saved, previous: saved };
  const record = await readAnswer(slug, response);
  if (!record) return { state: 'broken', record: saved, previous: saved };
  await setValue(`bundle:${slug}`, record);
  const changed = saved && saved.etag !== record.etag;
  return { state: changed ? 'updated' : 'current', record, previous: saved };
}

/**
 * Fetch and save the list of published versions (with their change notes) for the updates screen.
 * @param {string} slug
 * @returns {Promise<Array<Object>|undefined>} the saved list (the old one when offline)
 */
export async function refreshVersions(slug) {
  try {
    const response = await fetch(`/api/v1/councils/${encodeURIComponent(slug)}/versions`, { cache: 'no-store' });
    if (response.ok) {
      const versions = await response.json();
      if (Array.isArray(versions)) await setValue(`versions:${slug}`, versions);
    }
  } catch {
    // Offline: the list saved last time is still shown.
  }
  return getValue(`versions:${slug}`);
}
