/**
 * The questions about a draft that change the checks: platform, posting as, sharing, photo.
 */
import { h } from '../lib/dom.js';

const OTHER_PLATFORMS = [['other', 'Somewhere else']];

function platformChoice(draft, bundle, onChange) {
  const platforms = [...new Set((bundle.walkthroughs || []).map((w) => w.platform))].map((p) => [p, p]);
  const known = [...platforms, ...OTHER_PLATFORMS].some(([value]) => value === draft.platform);
  if (!known) draft.platform = platforms[0]?.[0] || 'other';
  const options = [...platforms, ...OTHER_PLATFORMS].map(([value, label]) =>
    h('option', { value, selected: draft.platform === value }, label));
  return h('div', { class: 'form-group' },
    h('label', { for: 'platform', class: 'label' }, 'Where will you post it?'),
    h('select', { id: 'platform', class: 'select', onchange: (e) => { draft.platform = e.target.value; onChange(); } }, options));
}

function radio(name, value, label, draft, onChange) {
  const id = `${name}-${value}`;
  return h('div', { class: 'radio' },
    h('input', { type: 'radio', id, name, value, checked: draft.as === value,
      onchange: () => { draft.as = value; onChange(); } }),
    h('label', { for: id }, label));
}

function checkbox(key, label, hint, draft, onChange) {
  return h('div', { class: 'checkbox' },
    h('input', { type: 'checkbox', id: key, checked: Boolean(draft[key]), 'aria-describedby': `${key}-hint`,
      onchange: (e) => { draft[key] = e.target.checked; onChange(); } }),
    h('label', { for: key }, label),
    h('p', { id: `${key}-hint`, class: 'hint' }, hint));
}

/**
 * The choices about a draft, each saved and re-checked as soon as it changes.
 * @param {Object} draft changed in place
 * @param {Object} bundle
 * @param {() => void} onChange
 * @returns {HTMLElement}
 */
export function choiceFields(draft, bundle, onChange) {
  return h('details', { class: 'draft-options', open: true },
    h('summary', {}, 'About this post'),
    platformChoice(draft, bundle, onChange),
    h('fieldset', { class: 'fieldset' },
      h('legend', {}, 'Are you posting as'),
      radio('as', 'councillor', 'A councillor', draft, onChange),
      radio('as', 'private', 'A private person', draft, onChange)),
    checkbox('sharing', 'I’m sharing someone else’s post', 'Sharing can repeat what they said.', draft, onChange),
    checkbox('photo', 'A photo or video is attached', 'Photos can show people who haven’t agreed.', draft, onChange));
}
