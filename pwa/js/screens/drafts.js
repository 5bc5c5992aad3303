/**
 * Saved drafts: open one again, delete one, or delete them all. They live only on this phone.
 */
import { append, h } from '../lib/dom.js';
import { discardDraft, openDraft } from '../lib/drafts.js';
import { deleteAllRecords, deleteValue, listRecords } from '../lib/storage.js';

export const title = 'Saved drafts';
export const tab = 'more';

function draftItem(draft, app, again) {
  const preview = draft.text.length > 80 ? `${draft.text.slice(0, 80)}…` : draft.text;
  const saved = new Date(draft.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return h('li', { class: 'summary-card' },
    h('p', { class: 'draft-preview' }, preview),
    h('p', { class: 'hint' }, `Saved ${saved}`, draft.remindAt ? ' · saved to look at again' : ''),
    h('div', { class: 'button-group' },
      h('button', { type: 'button', class: 'button button--secondary',
        onclick: async () => { await openDraft(draft.id); app.navigate('#/check'); } }, 'Open', h('span', { class: 'visually-hidden' }, `: ${preview}`)),
      h('button', { type: 'button', class: 'button button--warning',
        onclick: async () => { await discardDraft(draft.id); app.announce('Draft deleted.'); again(); } }, 'Delete', h('span', { class: 'visually-hidden' }, `: ${preview}`))));
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const drafts = (await listRecords('drafts')).filter((d) => d.text.trim());
  const again = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const deleteAll = async () => {
    if (!window.confirm('Delete all your saved drafts from this phone?')) return;
    await deleteAllRecords('drafts');
    await deleteValue('current-draft');
    app.announce('All drafts deleted.');
    again();
  };
  append(main, h('h1', { tabindex: -1 }, title),
    h('p', {}, 'Your drafts are kept on this phone only, until you delete them.'));
  if (!drafts.length) {
    append(main, h('p', {}, 'No saved drafts.'), h('a', { href: '#/check', class: 'button' }, 'Write a draft'));
    return;
  }
  append(main, h('ul', { class: 'summary-cards' }, drafts.map((d) => draftItem(d, app, again))),
    h('button', { type: 'button', class: 'button button--warning', onclick: deleteAll }, 'Delete all drafts'));
}
