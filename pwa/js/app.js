/**
 * Start the app: load the council's saved bundle at once (offline first), show the screen named
 * in the address, then revalidate the bundle and offer any new app version in the background.
 */
import { announce } from './lib/announce.js';
import { showBanners } from './lib/banners.js';
import { refreshBundle, refreshVersions, savedBundle } from './lib/bundle-cache.js';
import { warmUp } from './lib/checking.js';
import { getValue } from './lib/storage.js';
import { watchForUpdates } from './lib/updates.js';
import { SCREENS } from './screens/index.js';

/** Everything screens share: the council, its bundle and how to move around. */
const app = {
  slug: null,
  record: null,
  bundleState: null,
  get bundle() { return this.record?.bundle || null; },
  navigate(path) {
    if (window.location.hash === path) route(); else window.location.hash = path;
  },
  announce,
  refreshBanners: () => showBanners(app),
  useCouncil,
};

let firstRender = true;

/** Render the screen named by the address (#/name/param). */
async function route() {
  const [name, ...params] = window.location.hash.replace(/^#\/?/, '').split('/');
  let screen = SCREENS[name] || SCREENS.check;
  if (!app.slug || !app.bundle) screen = name === 'help' ? SCREENS.help : SCREENS.start;
  const main = document.getElementById('main');
  main.replaceChildren();
  document.title = `${screen.title} – Councillor's companion`;
  markTab(screen.tab);
  await screen.render(main, app, params.map(decodeURIComponent));
  showBanners(app);
  if (!firstRender) main.querySelector('h1')?.focus();
  firstRender = false;
}

/** Show which tab the screen belongs to, by aria-current as well as by style. */
function markTab(tab) {
  for (const link of document.querySelectorAll('.tab-bar a')) {
    if (link.dataset.tab === tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/**
 * Switch to a council: read its saved bundle, then revalidate it with the server.
 * @param {string} slug
 * @returns {Promise<string>} the bundle state ("current", "updated", "offline", ...)
 */
async function useCouncil(slug) {
  app.slug = slug;
  app.record = (await savedBundle(slug)) || null;
  showCouncilName();
  const result = await refreshBundle(slug);
  app.record = result.record || null;
  app.bundleState = result.state;
  if (result.state === 'updated' || !(await getValue(`versions:${slug}`))) await refreshVersions(slug);
  showCouncilName();
  showBanners(app);
  // On start-up the app warms up once it is ready (below); later, on a change of council, now.
  if (document.documentElement.dataset.ready === 'true') warmUp(app.bundle);
  return result.state;
}

function showCouncilName() {
  document.getElementById('council-name').textContent = app.bundle?.council?.name || '';
}

/** Move focus to the main content without changing the route. */
function wireSkipLink() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
}

/** Reload the saved bundle when the service worker refreshed it after a push. */
function listenToWorker() {
  navigator.serviceWorker?.addEventListener('message', async (event) => {
    if (event.data?.type !== 'bundle-saved' || event.data.council !== app.slug) return;
    app.record = (await savedBundle(app.slug)) || app.record;
    showBanners(app);
    warmUp(app.bundle);
  });
}

async function start() {
  wireSkipLink();
  listenToWorker();
  watchForUpdates(app);
  app.slug = (await getValue('council')) || null;
  if (app.slug) {
    app.record = (await savedBundle(app.slug)) || null;
    showCouncilName();
  }
  window.addEventListener('hashchange', route);
  await route();
  if (app.slug) {
    const hadBundle = Boolean(app.bundle);
    await useCouncil(app.slug);
    if (!hadBundle && app.bundle) await route();
  }
  document.documentElement.dataset.ready = 'true';
  warmUp(app.bundle);
}

start();
