/**
 * Privacy walkthroughs: one per platform, as a task list; each step can be ticked off and the
 * progress is kept on the phone.
 */
import { append, h } from '../lib/dom.js';
import { getValue, setValue } from '../lib/storage.js';

export const title = 'Privacy settings';
export const tab = 'privacy';

async function progressOf(id) {
  return (await getValue(`walkthrough:${id}`)) || [];
}

function status(done, total) {
  if (done === 0) return ['Not started', 'tag--grey'];
  return done >= total ? ['Done', 'tag--done'] : [`${done} of ${total} done`, 'tag--blue'];
}

async function taskList(walkthroughs) {
  const rows = await Promise.all(walkthroughs.map(async (w) => {
    const done = (await progressOf(w.id)).filter((s) => w.steps.some((step) => step.id === s)).length;
    const [text, kind] = status(done, w.steps.length);
    return h('li', { class: 'task' },
      h('a', { href: `#/privacy/${encodeURIComponent(w.id)}`, class: 'task-link', 'aria-describedby': `status-${w.id}` }, w.title),
      h('strong', { id: `status-${w.id}`, class: `tag ${kind}` }, text));
  }));
  return h('ul', { class: 'task-list' }, rows);
}

async function walkthrough(main, w) {
  const done = new Set(await progressOf(w.id));
  const counter = h('p', { role: 'status', class: 'hint' });
  const count = () => { counter.textContent = `${w.steps.filter((s) => done.has(s.id)).length} of ${w.steps.length} steps done`; };
  const toggle = async (id, ticked) => {
    if (ticked) done.add(id); else done.delete(id);
    await setValue(`walkthrough:${w.id}`, [...done]);
    count();
  };
  count();
  append(main, h('h1', { tabindex: -1 }, w.title),
    h('p', {}, 'Open the app or website in another window and tick each step as you go. Your progress is kept on this phone.'),
    h('fieldset', { class: 'fieldset' }, h('legend', {}, 'Steps'),
      w.steps.map((s) => h('div', { class: 'checkbox' },
        h('input', { type: 'checkbox', id: `step-${s.id}`, checked: done.has(s.id), onchange: (e) => toggle(s.id, e.target.checked) }),
        h('label', { for: `step-${s.id}` }, s.text)))),
    counter,
    h('h2', {}, 'More help'),
    h('ul', { class: 'list' },
      w.help_url ? h('li', {}, h('a', { href: w.help_url, target: '_blank', rel: 'noopener' }, `${w.title.split(' ')[0]} help centre`)) : null,
      w.ncsc_url ? h('li', {}, h('a', { href: w.ncsc_url, target: '_blank', rel: 'noopener' }, 'NCSC: using social media safely')) : null),
    h('p', {}, h('a', { href: '#/privacy' }, 'All walkthroughs')));
}

/**
 * Render the list, or one walkthrough when its id is given.
 * @param {HTMLElement} main
 * @param {Object} app
 * @param {string[]} params [walkthrough id]
 */
export async function render(main, app, [id] = []) {
  const walkthroughs = app.bundle.walkthroughs || [];
  const chosen = id && walkthroughs.find((w) => w.id === id);
  if (chosen) return walkthrough(main, chosen);
  append(main, h('h1', { tabindex: -1 }, title),
    h('p', {}, 'Step-by-step help to lock down your accounts, one platform at a time. The steps follow the National Cyber Security Centre’s advice.'),
    await taskList(walkthroughs));
}
