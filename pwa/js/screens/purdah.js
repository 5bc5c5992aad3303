/**
 * The pre-election period: its dates, what changes, and the digital imprint reminder.
 */
import { append, h, longDate } from '../lib/dom.js';
import { activePeriod, nextElection } from '../lib/purdah.js';

export const title = 'Pre-election period';
export const tab = 'more';

function datesOf(period) {
  const estimate = period.start_is_estimate
    ? ' This is the latest date the notice of election can be published; your council may publish it earlier.'
    : '';
  return h('dl', { class: 'summary-list' },
    h('dt', {}, 'Starts'), h('dd', {}, `${longDate(period.purdah_start)}.${estimate}`),
    h('dt', {}, 'Polling day'), h('dd', {}, longDate(period.poll_date)),
    h('dt', {}, 'Ends'), h('dd', {}, longDate(period.purdah_end)));
}

function guidance(bundle) {
  return (bundle.guidance || []).filter((g) => g.topic === 'purdah' || g.topic === 'elections').map((g) =>
    h('section', { class: 'guidance' }, h('h2', {}, g.title), h('p', {}, g.text),
      g.points?.length ? h('ul', { class: 'list' }, g.points.map((p) => h('li', {}, p))) : null));
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export function render(main, app) {
  const period = activePeriod(app.bundle);
  const next = period || nextElection(app.bundle);
  append(main, h('h1', { tabindex: -1 }, title));
  if (period) append(main, h('p', {}, 'Your council is in a pre-election period now. Checks on election campaigning are stricter.'));
  else append(main, h('p', {}, next ? 'The next pre-election period:' : 'No election is planned in your council’s guidance.'));
  if (next) append(main, datesOf(next));
  append(main, 
    h('div', { class: 'warning-text' }, h('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
      h('p', {}, h('strong', {}, 'Digital imprints: '),
        'election material you publish, including free social media posts, needs an imprint with the promoter’s name and address (Elections Act 2022).')),
    guidance(app.bundle));
}
