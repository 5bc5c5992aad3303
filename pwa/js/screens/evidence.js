/**
 * The evidence log: what happened, where, when, a note and an optional screenshot, kept on the
 * phone and exported as one file to attach to a report.
 */
import { append, h } from '../lib/dom.js';
import { evidenceFile } from '../lib/evidence-export.js';
import { deleteRecord, listRecords, saveRecord } from '../lib/storage.js';
import { errorSummary, field } from './form.js';

export const title = 'Evidence log';
export const tab = 'help';

function nowForInput() {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function entryForm(onSave) {
  const form = h('form', { class: 'evidence-form', novalidate: true },
    h('h2', {}, 'Add an entry'),
    field('what', 'What happened', h('textarea', { id: 'what', name: 'what', rows: 3, class: 'textarea' })),
    field('where', 'Where', h('input', { id: 'where', name: 'where', class: 'input' }), 'The platform, account name or link.'),
    field('when', 'When', h('input', { id: 'when', name: 'when', type: 'datetime-local', class: 'input', value: nowForInput() })),
    field('note', 'Note (optional)', h('textarea', { id: 'note', name: 'note', rows: 2, class: 'textarea' })),
    field('screenshot', 'Screenshot (optional)', h('input', { id: 'screenshot', name: 'screenshot', type: 'file', accept: 'image/*', class: 'file' })),
    h('button', { type: 'submit', class: 'button' }, 'Save entry'));
  form.addEventListener('submit', (event) => { event.preventDefault(); onSave(form); });
  return form;
}

function entryItem(entry, onDelete) {
  return h('li', { class: 'summary-card' },
    h('h3', {}, entry.what),
    h('dl', { class: 'summary-list' },
      h('dt', {}, 'Where'), h('dd', {}, entry.where || '–'),
      h('dt', {}, 'When'), h('dd', {}, entry.when.replace('T', ' ')),
      entry.note ? [h('dt', {}, 'Note'), h('dd', {}, entry.note)] : null,
      h('dt', {}, 'Screenshot'), h('dd', {}, entry.screenshot ? 'Attached' : 'None')),
    h('button', { type: 'button', class: 'button button--warning', onclick: () => onDelete(entry) }, `Delete entry: ${entry.what.slice(0, 30)}`));
}

async function exportLog(app) {
  const entries = (await listRecords('evidence')).reverse();
  const file = await evidenceFile(entries, app.bundle?.council?.name || '');
  const link = h('a', { href: URL.createObjectURL(file), download: `evidence-log-${new Date().toISOString().slice(0, 10)}.html` });
  document.body.append(link);
  link.click();
  link.remove();
  app.announce('Evidence log exported.');
}

/**
 * Render the screen.
 * @param {HTMLElement} main
 * @param {Object} app
 */
export async function render(main, app) {
  const entries = await listRecords('evidence');
  const again = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const onSave = async (form) => {
    const data = new FormData(form);
    const missing = ['what', 'when'].filter((k) => !String(data.get(k) || '').trim());
    if (missing.length) return errorSummary(form, missing.map((k) => [k, k === 'what' ? 'Say what happened' : 'Say when it happened']));
    const file = data.get('screenshot');
    await saveRecord('evidence', { what: data.get('what').trim(), where: data.get('where').trim(), when: data.get('when'),
      note: data.get('note').trim(), screenshot: file && file.size ? file : null, loggedAt: new Date().toISOString() });
    app.announce('Entry saved on this phone.');
    again();
  };
  const onDelete = async (entry) => { await deleteRecord('evidence', entry.id); app.announce('Entry deleted.'); again(); };
  append(main, h('h1', { tabindex: -1 }, title),
    h('p', {}, 'Keep a record of abuse or threats. It stays on this phone until you export it.'),
    entries.length ? [h('h2', {}, `Entries (${entries.length})`), h('ul', { class: 'summary-cards' }, entries.map((e) => entryItem(e, onDelete))),
      h('button', { type: 'button', class: 'button button--secondary', onclick: () => exportLog(app) }, 'Export the log as one file')] : h('p', {}, 'No entries yet.'),
    entryForm(onSave));
}
