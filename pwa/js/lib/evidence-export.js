/**
 * Export the evidence log as one self-contained HTML file (screenshots inside), easy to attach
 * to a report to the platform, democratic services or the police.
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function dataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function entryHtml(entry, n) {
  const image = entry.screenshot ? `<p><img alt="Screenshot ${n}" src="${await dataUrl(entry.screenshot)}"></p>` : '';
  return `<section><h2>${n}. ${escape(entry.what)}</h2><dl>`
    + `<dt>Where</dt><dd>${escape(entry.where)}</dd><dt>When</dt><dd>${escape(entry.when)}</dd>`
    + `<dt>Note</dt><dd>${escape(entry.note)}</dd><dt>Logged</dt><dd>${escape(entry.loggedAt)}</dd></dl>${image}</section>`;
}

/**
 * Build the export file.
 * @param {Array<Object>} entries evidence records, oldest first
 * @param {string} councilName
 * @returns {Promise<Blob>}
 */
export async function evidenceFile(entries, councilName) {
  const sections = [];
  for (const [i, entry] of entries.entries()) sections.push(await entryHtml(entry, i + 1));
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Evidence log</title>`
    + '<style>body{font-family:sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}img{max-width:100%}dt{font-weight:bold}</style>'
    + `</head><body><h1>Evidence log</h1><p>Councillor, ${escape(councilName)}. Exported ${escape(new Date().toISOString())}.</p>`
    + `${sections.join('')}</body></html>`;
  return new Blob([html], { type: 'text/html' });
}
