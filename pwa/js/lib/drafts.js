/**
 * The draft being written: kept on the phone as you type, until you discard it.
 */
import { deleteRecord, deleteValue, getRecord, getValue, saveRecord, setValue } from './storage.js';

// Saves run one after another, so a fast typist never creates the same new draft twice.
let saving = Promise.resolve();

/**
 * The draft in progress, or a new empty one.
 * @returns {Promise<{id?: number, text: string, platform: string, as: string, sharing: boolean, photo: boolean}>}
 */
export async function currentDraft() {
  await saving;
  const id = await getValue('current-draft');
  const saved = id === undefined ? null : await getRecord('drafts', id);
  return saved || { text: '', platform: '', as: 'councillor', sharing: false, photo: false };
}

/**
 * Save the draft in progress (an empty new draft is not worth keeping).
 * @param {Object} draft changed in place: a new draft gets its id
 */
export function keepDraft(draft) {
  saving = saving.then(async () => {
    if (draft.id === undefined && !draft.text.trim()) return;
    draft.id = await saveRecord('drafts', draft);
    await setValue('current-draft', draft.id);
  }).catch(() => {});
  return saving;
}

/**
 * Make a saved draft the one in progress.
 * @param {number} id
 */
export function openDraft(id) {
  return setValue('current-draft', id);
}

/** Start again with an empty draft; the old one stays in the saved drafts. */
export function startNewDraft() {
  return deleteValue('current-draft');
}

/**
 * Delete a draft from the phone.
 * @param {number} id
 */
export async function discardDraft(id) {
  if (id === undefined) return startNewDraft();
  await deleteRecord('drafts', id);
  if ((await getValue('current-draft')) === id) await startNewDraft();
}
