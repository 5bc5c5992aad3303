/**
 * Before you post: the short checklist that applies now, then copy the post or hand it to the
 * platform with the share sheet. The councillor decides; nothing here blocks a post.
 */
import { checklistFor, draftContext } from '../lib/checking.js';
import { append, h } from '../lib/dom.js';
import { currentDraft, discardDraft } from '../lib/drafts.js';

export const title = 'Before you post';
export const tab = 'check';

function citeNote(item) {
  const own = (item.cite || []).find((c) => c.source !== 'national' && c.section);
  return own ? h('span', { class: 'hint' }, ` (your council's guidance, section ${own.section})`) : null;
}

function tick(item) {
  return h('div', { class: 'checkbox' },
    h('input', { type: 'checkbox', id: `tick-${item.id}` }),
    h('label', { for: `tick-${item.id}` }, item.text, citeNote(item)));
}

/** The items for this post's situation first; the ones that always apply folded away below. */
function checklist(items) {
  const forThisPost = items.filter((item) => item.when && Object.keys(item.when).length);
  const always = items.filter((item) => !forThisPost.includes(item));
  const first = forThisPost.length ? forThisPost : always.slice(0, 3);
  const rest = always.filter((item) => !first.includes(item));
  return h('fieldset', { class: 'fieldset checklist' },
    h('legend', {}, h('h2', {}, 'A quick check')),
    h('p', { class: 'hint' }, 'Tick each one when you’re happy. This is for you: nothing is recorded.'),
    first.map(tick),
    rest.length ? h('details', { class: 'more-checks' }, h('summary', {}, `Questions worth asking of any post (${rest.length})`),
      rest.map(tick)) : null);
}

async function copyPost(text, app) {
  try {
    await navigator.clipboard.writeText(text);
    app.announce('Copied. You can paste it into your post now.');
  } catch {
    const area = document.getElementById('final-text');
    area.focus();
    area.select();
    app.announce('Selected. Copy it with your phone’s copy option.');
  }
}

function sharing(draft, app) {
  const buttons = [h('button', { type: 'button', class: 'button', onclick: () => copyPost(draft.text, app) }, 'Copy the post')];
  if (navigator.share) {
    buttons.push(h('button', { type: 'button', class: 'button button--secondary',
      onclick: () => navigator.share({ text: draft.text }).catch(() => {}) }, 'Share to an app'));
  }
  return h('div', { class: 'button-group' }, buttons);
}

function afterPosting(draft, app) {
  const done = async () => {
    await discardDraft(draft.id);
    app.announce('Draft deleted from this phone.');
    app.navigate('#/check');
  };
  return h('div', { class: 'button-group' },
    h('a', { href: '#/check', class: 'button button--secondary' }, 'Back to your draft'),
    h('button', { type: 'button', class: 'button button--warning', onclick: done }, 'I’ve posted it: delete the draft'));
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const draft = await currentDraft();
  append(main, h('h1', { tabindex: -1 }, title));
  if (!draft.text.trim()) {
    append(main, h('p', {}, 'There’s no draft yet. ', h('a', { href: '#/check' }, 'Write a draft')));
    return;
  }
  const context = draftContext(draft, app.bundle);
  append(main, checklist(checklistFor(app.bundle, context)));
  if (context.purdah) {
    append(main, h('div', { class: 'warning-text' }, h('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
      h('p', {}, h('strong', {}, 'Election material needs a digital imprint: '),
        'your name and address as promoter, even on a free post. ', h('a', { href: '#/purdah' }, 'About the pre-election period'))));
  }
  append(main, h('h2', {}, 'Your post'),
    h('label', { for: 'final-text', class: 'visually-hidden' }, 'Your post, ready to copy'),
    h('textarea', { id: 'final-text', class: 'textarea', readonly: true, rows: 5, value: draft.text }),
    sharing(draft, app), afterPosting(draft, app));
}
