/**
 * Form parts in the GOV.UK pattern: a labelled field with hint and error, and an error summary.
 */
import { h } from '../lib/dom.js';

/**
 * A form group with a label, optional hint and a place for an error message.
 * @param {string} id the control's id
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [hint]
 * @returns {HTMLElement}
 */
export function field(id, label, control, hint) {
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return h('div', { class: 'form-group', id: `group-${id}` },
    h('label', { for: id, class: 'label' }, label),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    h('p', { id: `${id}-error`, class: 'error-message' }),
    control);
}

/**
 * Show an error summary at the top of a form and move focus to it.
 * @param {HTMLFormElement} form
 * @param {Array<[string, string]>} errors [field id, message]
 */
export function errorSummary(form, errors) {
  form.querySelector('.error-summary')?.remove();
  for (const message of form.querySelectorAll('.error-message')) message.textContent = '';
  for (const [id, message] of errors) {
    form.querySelector(`#${id}-error`).textContent = `Error: ${message}`;
    form.querySelector(`#${id}`).setAttribute('aria-invalid', 'true');
  }
  const summary = h('div', { class: 'error-summary', tabindex: -1, role: 'alert' },
    h('h2', {}, 'There is a problem'),
    h('ul', {}, errors.map(([id, message]) => h('li', {}, h('a', { href: `#${id}`, onclick: (e) => { e.preventDefault(); form.querySelector(`#${id}`).focus(); } }, message)))));
  form.prepend(summary);
  summary.focus();
}
