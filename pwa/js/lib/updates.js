/**
 * Register the service worker and offer a new app version without ever forcing it mid-draft:
 * the new worker waits until the councillor taps "Update now".
 */

let accepted = false;

/**
 * Register the worker and show "update available" when a new one is waiting.
 * @param {Object} app the shared app object (its refreshBanners shows the offer)
 */
export async function watchForUpdates(app) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });
  let registration;
  try {
    registration = await navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' });
  } catch {
    return; // The app still works online without a worker.
  }
  const offer = (worker) => { app.waitingWorker = worker; app.refreshBanners(); };
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
}

/**
 * Switch to the waiting version now (drafts are already saved on the phone).
 * @param {ServiceWorker} worker
 */
export function acceptUpdate(worker) {
  accepted = true;
  worker.postMessage({ type: 'skip-waiting' });
}
