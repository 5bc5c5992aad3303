/**
 * Updates: which version of the council's guidance is on this phone, what changed, and when it
 * was last checked.
 */
import { refreshVersions } from '../lib/bundle-cache.js';
import { append, h, longDate } from '../lib/dom.js';
import { getValue, setValue } from '../lib/storage.js';

export const title = 'Updates to your guidance';
export const tab = 'more';

function versionItem(v, current) {
  return h('li', { class: 'summary-card' },
    h('h3', {}, `Version ${v.version}${v.version === current ? ' (on this phone)' : ''}`),
    h('p', { class: 'hint' }, `Published ${longDate(v.published_at)}`),
    h('p', { class: 'change-note' }, v.change_note || 'No change note.'));
}

/**
 * Render the screen and mark the current version as seen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const record = app.record;
  const versions = (await getValue(`versions:${app.slug}`)) || [];
  const checked = record.checkedAt ? new Date(record.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'never';
  const list = h('ul', { class: 'summary-cards' }, versions.slice(0, 10).map((v) => versionItem(v, record.version)));
  append(main, h('h1', { tabindex: -1 }, title),
    h('dl', { class: 'summary-list' },
      h('dt', {}, 'Council'), h('dd', {}, record.bundle.council.name),
      h('dt', {}, 'Version on this phone'), h('dd', {}, String(record.version ?? '–')),
      h('dt', {}, 'Last checked'), h('dd', {}, checked)),
    h('h2', {}, 'What changed'),
    versions.length ? list : h('p', {}, 'The list of changes will appear next time you’re online.'));
  if (record.version) await setValue(`seen-version:${app.slug}`, record.version);
  app.refreshBanners();
  refreshVersions(app.slug).then((fresh) => {
    if (fresh?.length && list.isConnected) list.replaceChildren(...fresh.slice(0, 10).map((v) => versionItem(v, record.version)));
  });
}
