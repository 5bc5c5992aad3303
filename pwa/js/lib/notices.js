/**
 * Turn a push payload into what the phone shows and where a tap on it leads.
 * Pure functions: used by the service worker and tested in the browser.
 */

const TARGETS = { purdah: '/#/purdah', policy: '/#/updates' };

/**
 * The notification tag: one per kind and council, so a newer alert replaces an older one.
 * @param {{kind: string, council: string}} payload
 * @returns {string}
 */
export function noticeTag(payload) {
  return `${payload.kind}:${payload.council}`;
}

/**
 * The screen that explains a notice: the payload's own url when it is one of ours.
 * @param {{kind: string, url?: string}} payload
 * @returns {string} a same-origin path such as "/#/purdah"
 */
export function noticeTarget(payload) {
  const fallback = TARGETS[payload?.kind] || '/#/updates';
  const url = payload?.url;
  // Only our own screens: a payload must never send the councillor to another site.
  return typeof url === 'string' && /^\/#\/[a-z-]+$/.test(url) ? url : fallback;
}

/**
 * Read a push message's JSON safely, falling back to a general notice.
 * @param {{json: Function}|null} data the PushMessageData
 * @returns {{kind: string, council: string, title: string, body: string, version: (number|null), url: string}}
 */
export function readPayload(data) {
  let payload = {};
  try {
    payload = data ? data.json() : {};
  } catch {
    payload = {};
  }
  return {
    kind: payload.kind === 'purdah' ? 'purdah' : 'policy',
    council: String(payload.council || ''),
    title: String(payload.title || 'Your council has updated its guidance'),
    body: String(payload.body || ''),
    version: Number.isInteger(payload.version) ? payload.version : null,
    url: noticeTarget(payload),
  };
}
