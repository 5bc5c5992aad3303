/**
 * Show what the analyser found: the draft with each phrase marked and numbered, and one card
 * per finding with the reason, the council's clause, the law and a suggested wording.
 */
import { categoryName } from '../lib/categories.js';
import { clauseSummary } from '../lib/checking.js';
import { h } from '../lib/dom.js';

/**
 * The draft as text with the flagged phrases in <mark>, numbered so colour is not the only cue.
 * @param {string} text
 * @param {Array<Object>} findings
 * @returns {HTMLElement}
 */
export function markedDraft(text, findings) {
  const spans = findings.flatMap((f, i) => (f.spans || []).map(([start, end]) => ({ start, end, n: i + 1 })))
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping phrases: the first one marks the text
    parts.push(text.slice(at, span.start));
    parts.push(h('mark', {}, text.slice(span.start, span.end), h('sup', { class: 'mark-number' }, `[${span.n}]`)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return h('p', { class: 'marked-draft' }, ...parts);
}

function citationLine(bundle, finding, citation) {
  if (citation.source === 'national') {
    const name = citation.act || citation.name || 'The law';
    const link = citation.url ? h('a', { href: citation.url, target: '_blank', rel: 'noopener' }, name) : name;
    return h('li', {}, h('strong', {}, 'The law: '), link, citation.summary ? `. ${citation.summary}` : '');
  }
  const summary = citation.summary || clauseSummary(bundle, finding.category, citation) || '';
  const section = citation.section ? `, section ${citation.section}` : '';
  return h('li', {}, h('strong', {}, `Your council's guidance${section}: `), summary);
}

/**
 * One finding as a card.
 * @param {Object} finding
 * @param {number} n its number in the list
 * @param {Object} bundle
 * @param {(finding: Object) => void} onApply called when "Use this wording" is tapped
 * @returns {HTMLElement}
 */
export function findingCard(finding, n, bundle, onApply) {
  const citations = finding.citations || [];
  const canApply = typeof finding.replacement === 'string' && Array.isArray(finding.replace_span);
  return h('li', { class: `finding finding--${finding.severity || 'warn'}` },
    h('h3', { class: 'finding-title' }, `[${n}] This could be read as ${categoryName(finding.category)}`),
    finding.message ? h('p', {}, finding.message) : null,
    citations.length ? h('ul', { class: 'citations' }, citations.map((c) => citationLine(bundle, finding, c))) : null,
    finding.suggestion ? h('p', { class: 'suggestion' }, h('strong', {}, 'You could try: '), finding.suggestion) : null,
    canApply ? h('button', { type: 'button', class: 'button button--secondary', onclick: () => onApply(finding) },
      finding.replacement ? `Use “${finding.replacement}”` : 'Remove this phrase') : null);
}

/**
 * Replace the words a finding matched with its suggested wording.
 * @param {string} text
 * @param {Object} finding
 * @returns {string}
 */
export function applySuggestion(text, finding) {
  const [start, end] = finding.replace_span;
  return text.slice(0, start) + finding.replacement + text.slice(end);
}
