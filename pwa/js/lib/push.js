/**
 * Turn alerts on and off: subscribe this phone for its council's purdah and policy alerts.
 */
import { deleteSubscription, pushKey, saveSubscription } from './api.js';

const SUBSCRIBE_TIMEOUT_MS = 20000;

/** Decode a base64url VAPID key into the bytes PushManager wants. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** Reject if a promise takes too long: some browsers never answer a subscribe. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took too long`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this browser can receive alerts at all.
 * @returns {boolean}
 */
export function alertsSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * The current subscription of this phone, if any.
 * @returns {Promise<PushSubscription|null>}
 */
export async function currentSubscription() {
  if (!alertsSupported()) return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/**
 * Ask permission, subscribe, and register the subscription with the server.
 * @param {string} council slug
 */
export async function turnOnAlerts(council) {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('permission');
  const registration = await navigator.serviceWorker.ready;
  const applicationServerKey = keyBytes(await pushKey());
  const subscription = await withTimeout(
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }),
    SUBSCRIBE_TIMEOUT_MS, 'subscribing',
  );
  await saveSubscription(council, subscription.toJSON());
}

/** Unsubscribe this phone and tell the server to forget it. */
export async function turnOffAlerts() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const { endpoint } = subscription;
  await subscription.unsubscribe();
  await deleteSubscription(endpoint).catch(() => {});
}
