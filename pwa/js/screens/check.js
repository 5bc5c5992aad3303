/**
 * Check a post: write or paste a draft, say where and how it will be posted, and see what could
 * be misread as you type. Everything happens on the phone; the draft is saved only here.
 */
import { checkDraft, draftContext } from '../lib/checking.js';
import { append, h } from '../lib/dom.js';
import { currentDraft, discardDraft, keepDraft, startNewDraft } from '../lib/drafts.js';
import { applySuggestion, findingCard, markedDraft } from './findings.js';
import { choiceFields } from './draft-options.js';

export const title = 'Check a post';
export const tab = 'check';

const CHECK_DELAY_MS = 300;

function summaryText(count) {
  if (count === 0) return 'Nothing to look at in this draft so far.';
  return count === 1 ? '1 thing to look at before you post.' : `${count} things to look at before you post.`;
}

function pausePanel(pause) {
  const reasons = (pause.reasons || []).map((r) => (typeof r === 'string' ? r : r.message || r.reason || ''));
  return h('div', { class: 'pause-panel', 'data-testid': 'pause-prompt' },
    h('h2', {}, 'Tired or emotional?'),
    h('p', {}, 'This might be a good moment to pause. It’s your call: nothing stops you posting.'),
    reasons.filter(Boolean).length ? h('ul', {}, reasons.filter(Boolean).map((r) => h('li', {}, r))) : null,
    h('a', { href: '#/pause', class: 'button button--secondary' }, 'Take a moment'));
}

/** Build the results area from one analysis. */
function showResults(parts, draft, result, bundle, onApply) {
  const { findings } = result;
  parts.status.textContent = summaryText(findings.length);
  const blocks = [];
  if (findings.length) {
    blocks.push(h('h2', {}, 'What could be misread'),
      h('p', { class: 'hint' }, 'Your draft, with the phrases to look at marked:'),
      markedDraft(draft.text, findings),
      h('ol', { class: 'findings' }, findings.map((f, i) => findingCard(f, i + 1, bundle, onApply))));
  }
  if (result.pause.open) blocks.push(pausePanel(result.pause));
  parts.results.replaceChildren(...blocks);
}

function draftField(draft, onInput) {
  return [
    h('label', { for: 'draft', class: 'label' }, 'Your draft'),
    h('p', { id: 'draft-hint', class: 'hint' }, 'It stays on this phone. Nothing you type here is sent anywhere.'),
    h('textarea', { id: 'draft', name: 'draft', rows: 6, class: 'textarea', 'aria-describedby': 'draft-hint draft-status',
      spellcheck: true, value: draft.text, oninput: onInput }),
    h('p', { id: 'draft-status', class: 'draft-status', role: 'status' }),
  ];
}

function actions(app, draft) {
  const discard = async () => {
    await discardDraft(draft.id);
    app.announce('Draft deleted from this phone.');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  const fresh = async () => { await startNewDraft(); window.dispatchEvent(new HashChangeEvent('hashchange')); };
  return h('div', { class: 'button-group' },
    h('a', { href: '#/ready', class: 'button' }, 'Next: before you post'),
    h('a', { href: '#/pause', class: 'button button--secondary' }, 'Take a pause'),
    h('button', { type: 'button', class: 'button button--secondary', onclick: fresh }, 'Start a new draft'),
    h('button', { type: 'button', class: 'button button--warning', onclick: discard }, 'Delete this draft'));
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const draft = await currentDraft();
  const parts = { results: h('div', { class: 'results', 'data-testid': 'results' }) };
  let checkTimer;
  const check = () => {
    const result = checkDraft(draft.text, app.bundle, draftContext(draft, app.bundle));
    showResults(parts, draft, result, app.bundle, onApply);
  };
  const changed = () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, CHECK_DELAY_MS);
    keepDraft(draft);
  };
  const onApply = (finding) => {
    draft.text = applySuggestion(draft.text, finding);
    textarea.value = draft.text;
    keepDraft(draft);
    check();
    app.announce('Wording changed. Checked again.');
    textarea.focus();
  };
  const field = draftField(draft, (event) => { draft.text = event.target.value; changed(); });
  const textarea = field[2];
  parts.status = field[3];
  append(main, h('h1', { tabindex: -1 }, title), ...field,
    choiceFields(draft, app.bundle, () => { keepDraft(draft); check(); }),
    parts.results, actions(app, draft));
  check();
}
