/**
 * Talk to the council's server. Only public lists and push subscriptions go this way:
 * a draft, an evidence entry or anything typed by the councillor never does.
 */
import { getValue, setValue } from './storage.js';

/** Fetch JSON, throwing on any error answer. */
async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/**
 * The councils the service covers, saved on the phone so the list works offline.
 * @returns {Promise<Array<{slug: string, name: string, kind: string}>>}
 */
export async function listCouncils() {
  try {
    const councils = await getJson('/api/v1/councils');
    if (Array.isArray(councils)) await setValue('councils', councils);
    return councils;
  } catch {
    return (await getValue('councils')) || [];
  }
}

/**
 * The server's VAPID public key for push subscriptions.
 * @returns {Promise<string>}
 */
export async function pushKey() {
  const answer = await getJson('/api/v1/push/key');
  const key = typeof answer === 'string' ? answer : answer.public_key || answer.publicKey || answer.key;
  if (!key) throw new Error('no push key');
  return key;
}

/**
 * Send the server a subscription: only its address, the council and the topics.
 * @param {string} council slug
 * @param {Object} subscription PushSubscription.toJSON()
 */
export async function saveSubscription(council, subscription) {
  const body = { council, subscription, topics: ['purdah', 'policy'] };
  const response = await fetch('/api/v1/push/subscriptions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`subscribe: ${response.status}`);
}

/**
 * Ask the server to forget a subscription.
 * @param {string} endpoint
 */
export async function deleteSubscription(endpoint) {
  await fetch('/api/v1/push/subscriptions', {
    method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ endpoint }),
  });
}
