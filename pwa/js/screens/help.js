/**
 * Help now: one tap to call 999 and the council's contacts (tel: and mailto: links work
 * offline), and what to do about online abuse.
 */
import { append, h, telHref } from '../lib/dom.js';

export const title = 'Help now';
export const tab = 'help';

const ABUSE_STEPS = [
  ['Don’t engage.', 'Replying often makes it worse. You don’t owe anyone an answer.'],
  ['Keep evidence.', 'Take screenshots that show the date, time and account name, before anything is deleted.'],
  ['Report it to the platform.', 'Use the report option on the post or the account.'],
  ['Tell democratic services.', 'They can support you and log what happened.'],
  ['Tell the police', 'if you are threatened or feel unsafe: 999 in an emergency, 101 otherwise.'],
];

function contactCard(contact) {
  const ways = [];
  if (contact.phone) ways.push(h('a', { href: telHref(contact.phone), class: 'button button--secondary contact-way' }, `Call ${contact.phone}`));
  if (contact.email) ways.push(h('a', { href: `mailto:${contact.email}`, class: 'button button--secondary contact-way' }, `Email ${contact.email}`));
  if (contact.url) ways.push(h('a', { href: contact.url, target: '_blank', rel: 'noopener' }, 'Website'));
  return h('li', { class: 'contact' },
    h('h3', {}, contact.name),
    contact.hours ? h('p', { class: 'hint' }, contact.hours) : null,
    contact.note ? h('p', {}, contact.note) : null,
    ways.length ? h('div', { class: 'button-group' }, ways) : null);
}

function abuseGuidance(bundle) {
  const own = (bundle.guidance || []).filter((g) => g.topic === 'abuse' || g.topic === 'safety');
  return [
    h('h2', { id: 'abuse' }, 'If you’re being abused online'),
    h('ol', { class: 'steps' }, ABUSE_STEPS.map(([lead, text]) => h('li', {}, h('strong', {}, lead), ' ', text))),
    h('p', {}, h('a', { href: '#/evidence', class: 'button button--secondary' }, 'Open your evidence log')),
    own.map((g) => h('section', { class: 'guidance' }, h('h3', {}, g.title), h('p', {}, g.text),
      g.points?.length ? h('ul', { class: 'list' }, g.points.map((p) => h('li', {}, p))) : null)),
  ];
}

/**
 * Render the screen; it works without a council too (999 and the abuse steps).
 * @param {HTMLElement} main
 * @param {Object} app
 */
export function render(main, app) {
  const contacts = (app.bundle?.contacts || []).filter((c) => c.purpose !== 'emergency');
  append(main, h('h1', { tabindex: -1 }, title),
    h('a', { href: 'tel:999', class: 'button button--emergency' }, 'Call 999'),
    h('p', { class: 'hint' }, 'If someone is in immediate danger.'),
    contacts.length ? [h('h2', {}, 'Your council’s contacts'), h('ul', { class: 'contacts' }, contacts.map(contactCard))] : null,
    abuseGuidance(app.bundle || {}));
}
