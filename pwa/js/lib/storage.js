/**
 * Keep the councillor's things on the phone, in IndexedDB: settings, the council's bundle,
 * drafts, evidence and walkthrough progress. Nothing here is ever sent to the server.
 * Used by the page and by the service worker.
 */

const DB_NAME = 'companion';
const DB_VERSION = 1;
const STORES = { kv: {}, drafts: { keyPath: 'id', autoIncrement: true }, evidence: { keyPath: 'id', autoIncrement: true } };

let opening = null;

/** Open (and create on first use) the database. */
function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const [name, options] of Object.entries(STORES)) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, options);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => { opening = null; reject(request.error); };
  });
  return opening;
}

/** Run one request in a transaction and resolve when the transaction is done. */
async function run(store, mode, makeRequest) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = makeRequest(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * Read a setting or saved value.
 * @param {string} key
 * @returns {Promise<*>}
 */
export function getValue(key) {
  return run('kv', 'readonly', (s) => s.get(key));
}

/**
 * Save a setting or value.
 * @param {string} key
 * @param {*} value
 */
export function setValue(key, value) {
  return run('kv', 'readwrite', (s) => s.put(value, key));
}

/**
 * Forget a setting or value.
 * @param {string} key
 */
export function deleteValue(key) {
  return run('kv', 'readwrite', (s) => s.delete(key));
}

/**
 * List every record of a store ("drafts" or "evidence"), newest first.
 * @param {'drafts'|'evidence'} store
 * @returns {Promise<Array<Object>>}
 */
export async function listRecords(store) {
  const all = await run(store, 'readonly', (s) => s.getAll());
  return all.sort((a, b) => (b.updatedAt || '').localeCompare(a.updatedAt || ''));
}

/**
 * Read one record by id.
 * @param {'drafts'|'evidence'} store
 * @param {number} id
 */
export function getRecord(store, id) {
  return run(store, 'readonly', (s) => s.get(id));
}

/**
 * Save a record (a new one gets an id) and return its id.
 * @param {'drafts'|'evidence'} store
 * @param {Object} record
 * @returns {Promise<number>}
 */
export function saveRecord(store, record) {
  const stamped = { ...record, updatedAt: new Date().toISOString() };
  if (stamped.id === undefined) delete stamped.id;
  return run(store, 'readwrite', (s) => s.put(stamped));
}

/**
 * Delete one record.
 * @param {'drafts'|'evidence'} store
 * @param {number} id
 */
export function deleteRecord(store, id) {
  return run(store, 'readwrite', (s) => s.delete(id));
}

/**
 * Delete every record of a store.
 * @param {'drafts'|'evidence'} store
 */
export function deleteAllRecords(store) {
  return run(store, 'readwrite', (s) => s.clear());
}
