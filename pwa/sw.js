/**
 * The service worker: keeps the app shell on the phone so the app opens with no signal, shows
 * push alerts and refreshes the council's saved bundle when one arrives. A module worker, so it
 * shares the page's modules (storage, bundle cache, notices).
 *
 * Release: VERSION is a hash of the shell (node pwa/tools/stamp-shell.mjs; a test checks it), so a
 * changed shell installs a new worker, which waits until
 * the councillor accepts "update available" (never forced mid-draft).
 */
import { refreshBundle } from './js/lib/bundle-cache.js';
import { noticeTag, readPayload } from './js/lib/notices.js';
import { SHELL } from './shell.js';

const VERSION = '84a358a92f83';
const PREFIX = 'companion-shell-';
const CACHE = `${PREFIX}v${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // Only our own old shells: other caches on this origin are not ours to delete.
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

/** Serve the shell from the cache; the app's one page answers every navigation. */
async function fromShell(request) {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') return (await cache.match('/')) || fetch(request);
  return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // The API is left to the page and the bundle cache, which revalidate with ETags themselves.
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(fromShell(event.request));
});

/** Tell open pages that a new bundle was saved, so they show "updated guidance". */
async function tellPages(council, state) {
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'bundle-saved', council, state });
  }
}

self.addEventListener('push', (event) => {
  const payload = readPayload(event.data);
  event.waitUntil((async () => {
    await self.registration.showNotification(payload.title, {
      body: payload.body, tag: noticeTag(payload), data: payload, icon: '/icons/icon-192.png', badge: '/icons/icon-192.png',
    });
    if (payload.council) {
      const result = await refreshBundle(payload.council).catch(() => ({ state: 'offline' }));
      await tellPages(payload.council, result.state);
    }
  })());
});

/** Open the screen that explains a notice, reusing an open window of the app. */
async function openNotice(payload) {
  const target = new URL(readPayload({ json: () => payload }).url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    // focus() is only allowed inside a real notification click; navigating still helps.
    await open.focus().catch(() => {});
    return open.navigate(target);
  }
  return self.clients.openWindow(target);
}

// No browser API can click a notification in a test, so the tests call this directly.
self.openNotice = openNotice;

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openNotice(event.notification.data || {}));
});
