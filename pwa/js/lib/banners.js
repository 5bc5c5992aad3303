/**
 * The notices above every screen: pre-election period, updated or unreachable guidance,
 * a new app version, and drafts saved for the morning. Calm wording; none of them blocks anything.
 */
import { h, longDate } from './dom.js';
import { activePeriod } from './purdah.js';
import { getValue, listRecords } from './storage.js';
import { acceptUpdate } from './updates.js';

const STATE_NOTES = {
  offline: 'You’re offline. Checks still work: they use the guidance saved on this phone.',
  server: 'We couldn’t reach your council’s guidance just now, so we’re using the copy saved on this phone.',
  broken: 'The latest guidance from the server could not be read, so we’re using the copy saved on this phone. Nothing you need to do.',
};

function banner(kind, ...content) {
  return h('div', { class: `banner banner--${kind}`, 'data-banner': kind }, ...content);
}

function purdahBanner(app) {
  const period = activePeriod(app.bundle);
  if (!period) return null;
  return banner('purdah',
    h('p', {}, h('strong', {}, 'Pre-election period: '),
      `${longDate(period.purdah_start)} to ${longDate(period.purdah_end)}. Election checks are stricter. `,
      h('a', { href: '#/purdah' }, 'What changes')));
}

async function guidanceBanner(app) {
  const seen = await getValue(`seen-version:${app.slug}`);
  const version = app.record?.version;
  if (version && seen && version > seen) {
    return banner('updated', h('p', {}, h('strong', {}, 'Updated guidance: '),
      'your council has changed its guidance. ', h('a', { href: '#/updates' }, 'See what changed')));
  }
  const note = STATE_NOTES[app.bundleState];
  if (!note || !app.record) return null;
  const saved = app.record.savedAt ? ` (saved ${longDate(app.record.savedAt)})` : '';
  return banner(app.bundleState === 'offline' ? 'offline' : 'calm', h('p', {}, note + saved));
}

function appUpdateBanner(app) {
  if (!app.waitingWorker) return null;
  return banner('app-update', h('p', {}, 'A new version of the app is ready. Your drafts are saved.'),
    h('button', { type: 'button', class: 'button button--secondary', onclick: () => acceptUpdate(app.waitingWorker) },
      'Update now'));
}

async function morningBanner() {
  const now = new Date().toISOString();
  const due = (await listRecords('drafts')).filter((d) => d.remindAt && d.remindAt <= now);
  if (!due.length) return null;
  return banner('reminder', h('p', {}, `You saved ${due.length === 1 ? 'a draft' : `${due.length} drafts`} to look at again. `,
    h('a', { href: '#/drafts' }, 'Look at saved drafts')));
}

/**
 * Rebuild the banners from the app's state.
 * @param {Object} app
 */
export async function showBanners(app) {
  const region = document.getElementById('banners');
  if (!region) return;
  const banners = app.bundle
    ? [appUpdateBanner(app), purdahBanner(app), await guidanceBanner(app), await morningBanner()]
    : [appUpdateBanner(app)];
  region.replaceChildren(...banners.filter(Boolean));
}
