/**
 * "Tired or emotional?": a respectful pause. Save the draft for the morning (a reminder kept on
 * the phone), take a short cooling-off break, or carry on. It never stops a post.
 */
import { append, h } from '../lib/dom.js';
import { currentDraft, keepDraft, startNewDraft } from '../lib/drafts.js';
import { calendarReminder, nextMorning } from '../lib/reminder.js';

export const title = 'Take a moment';
export const tab = 'check';

async function saveForMorning(app, panel) {
  const draft = await currentDraft();
  const when = nextMorning(app.bundle.pause?.morning_reminder || '08:00');
  draft.remindAt = when.toISOString();
  await keepDraft(draft);
  await startNewDraft();
  const file = calendarReminder(when);
  panel.replaceChildren(
    h('h2', {}, 'Saved for the morning'),
    h('p', {}, `Your draft is saved on this phone. When you open the app after ${when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}, it will remind you.`),
    h('p', {}, 'You can also add a reminder to your phone’s calendar (the reminder doesn’t include your draft).'),
    h('a', { class: 'button button--secondary', href: URL.createObjectURL(file), download: 'look-again.ics' }, 'Add a calendar reminder'),
    h('p', {}, h('a', { href: '#/drafts' }, 'Your saved drafts')));
  app.announce('Draft saved for the morning.');
}

function startTimer(minutes, panel) {
  const end = Date.now() + minutes * 60000;
  const clock = h('p', { class: 'timer', role: 'timer', 'aria-live': 'off' });
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0 || !clock.isConnected) clearInterval(timer);
  };
  const timer = setInterval(tick, 1000);
  tick();
  panel.replaceChildren(h('h2', {}, `A ${minutes}-minute break`),
    h('p', {}, 'Step away from the screen if you can. Your draft is saved.'), clock,
    h('a', { href: '#/check', class: 'button' }, 'Back to my draft'));
}

function coolingOff(app, panel) {
  const choices = app.bundle.pause?.cooling_off_minutes?.length ? app.bundle.pause.cooling_off_minutes : [5, 15];
  return h('div', { class: 'button-group' }, choices.map((m) =>
    h('button', { type: 'button', class: 'button button--secondary', onclick: () => startTimer(m, panel) },
      `Take ${m} minutes`)));
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export function render(main, app) {
  const panel = h('div', { class: 'pause-choices', 'data-testid': 'pause-choices' });
  panel.append(
    h('p', {}, 'Posts written late at night or in a hurry are the ones people most often wish they could take back. You know best; here are some options.'),
    h('h2', {}, 'Look again in the morning'),
    h('button', { type: 'button', class: 'button', onclick: () => saveForMorning(app, panel) }, 'Save and remind me in the morning'),
    h('h2', {}, 'Take a short break'),
    coolingOff(app, panel),
    h('h2', {}, 'Carry on'),
    h('a', { href: '#/ready', class: 'button button--secondary' }, 'Carry on with my post'));
  append(main, h('h1', { tabindex: -1 }, 'Tired or emotional?'), panel);
}
