/**
 * First run: choose your council, read the promise that drafts never leave the phone, and
 * optionally turn on alerts.
 */
import { listCouncils } from '../lib/api.js';
import { append, h } from '../lib/dom.js';
import { setValue } from '../lib/storage.js';
import { alertsSection } from './alerts.js';
import { errorSummary } from './form.js';

export const title = 'Get started';
export const tab = null;

function councilForm(councils, onChoose) {
  const form = h('form', { novalidate: true },
    h('fieldset', { class: 'fieldset' },
      h('legend', {}, h('h2', { class: 'legend-heading' }, 'Which council are you a councillor for?')),
      h('p', { id: 'council-error', class: 'error-message' }),
      h('div', { id: 'council' , tabindex: -1 }, councils.map((c) => h('div', { class: 'radio' },
        h('input', { type: 'radio', name: 'council', id: `council-${c.slug}`, value: c.slug }),
        h('label', { for: `council-${c.slug}` }, c.name))))),
    h('button', { type: 'submit', class: 'button' }, 'Continue'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const slug = new FormData(form).get('council');
    if (!slug) errorSummary(form, [['council', 'Choose your council']]);
    else onChoose(slug, form);
  });
  return form;
}

function promise(onNext) {
  return [h('h2', {}, 'Your drafts stay on this phone'),
    h('p', {}, 'Checks happen on this phone, even with no signal. What you write is never sent to the council or anyone else.'),
    h('p', {}, 'The app only downloads your council’s guidance, so it can tell you which part of it a phrase touches.'),
    h('button', { type: 'button', class: 'button', onclick: onNext }, 'Continue')];
}

async function chooseCouncil(app, slug, form, step) {
  form.querySelector('button[type=submit]').disabled = true;
  await setValue('council', slug);
  await app.useCouncil(slug);
  if (!app.bundle) {
    form.querySelector('button[type=submit]').disabled = false;
    return errorSummary(form, [['council', 'We couldn’t download your council’s guidance. Check your signal and try again.']]);
  }
  if (app.record.version) await setValue(`seen-version:${slug}`, app.record.version);
  step(promise(() => showAlerts(app, step)));
}

async function showAlerts(app, step) {
  const done = () => app.navigate('#/check');
  step([await alertsSection(app, done),
    h('button', { type: 'button', class: 'button button--secondary', onclick: done }, 'Not now: check a post')]);
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const body = h('div', { class: 'start-step' });
  const step = (content) => { body.replaceChildren(...[content].flat()); body.querySelector('h2')?.setAttribute('tabindex', '-1'); body.querySelector('h2')?.focus(); };
  append(main, h('h1', { tabindex: -1 }, 'Check before you post'),
    h('p', { class: 'lead' }, 'A quick check of your social media posts against your own council’s guidance.'), body);
  const councils = await listCouncils();
  if (!councils.length) {
    body.append(h('p', {}, 'We need a signal once to download the list of councils. Please try again when you’re online.'),
      h('button', { type: 'button', class: 'button', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'Try again'));
    return;
  }
  body.append(councilForm(councils, (slug, form) => chooseCouncil(app, slug, form, step)));
}
