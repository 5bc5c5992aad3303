/**
 * More: the other screens, in one list.
 */
import { append, h } from '../lib/dom.js';

export const title = 'More';
export const tab = 'more';

const LINKS = [
  ['#/drafts', 'Saved drafts', 'Open or delete the drafts kept on this phone.'],
  ['#/evidence', 'Evidence log', 'Record abuse or threats and export them as one file.'],
  ['#/purdah', 'Pre-election period', 'Dates and what changes during an election.'],
  ['#/updates', 'Updates to your guidance', 'What your council changed, and when.'],
  ['#/settings', 'Settings', 'Alerts, your council, and deleting what’s on this phone.'],
];

/**
 * Render the screen.
 * @param {HTMLElement} main
 */
export function render(main) {
  append(main, h('h1', { tabindex: -1 }, title),
    h('ul', { class: 'nav-list' }, LINKS.map(([href, label, hint]) =>
      h('li', {}, h('a', { href, class: 'nav-list-link' }, label), h('p', { class: 'hint' }, hint)))));
}
