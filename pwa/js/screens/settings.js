/**
 * Settings: alerts, the council, and deleting what is kept on this phone.
 */
import { append, h } from '../lib/dom.js';
import { alertsSection } from './alerts.js';

export const title = 'Settings';
export const tab = 'more';

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  append(main, h('h1', { tabindex: -1 }, title),
    await alertsSection(app),
    h('section', { 'aria-labelledby': 'council-title' },
      h('h2', { id: 'council-title' }, 'Your council'),
      h('p', {}, app.bundle.council.name),
      h('a', { href: '#/start/council', class: 'button button--secondary' }, 'Change council')),
    h('section', { 'aria-labelledby': 'phone-title' },
      h('h2', { id: 'phone-title' }, 'What’s kept on this phone'),
      h('p', {}, 'Your drafts, evidence log and walkthrough progress are kept on this phone only. Checks happen on the phone; nothing you type is sent to the server.'),
      h('ul', { class: 'list' },
        h('li', {}, h('a', { href: '#/drafts' }, 'Saved drafts (delete one or all)')),
        h('li', {}, h('a', { href: '#/evidence' }, 'Evidence log')))));
}
