/**
 * Build findings: what the councillor sees, with the clause of their own policy and the law.
 *
 * A finding carries the spans of the draft it is about and nothing else of the draft: messages
 * come from the rule, never from the text, because the draft must not leave the phone.
 */

/**
 * Gather the citations of a finding: the council's clauses first, then the law.
 * @param {object} rule the rule as written in the bundle
 * @param {object} bundle
 * @returns {object[]}
 */
export function citationsFor(rule, bundle) {
  const clauses = (bundle.risk_clauses?.[rule.category] ?? []).map((c) => ({
    source: c.source, section: c.section, summary: c.summary,
  }));
  const laws = (rule.laws ?? []).map((id) => lawCitation(id, bundle)).filter(Boolean);
  const seen = new Set(laws.map((l) => l.act));
  const own = (rule.cite ?? []).filter((c) => !seen.has(c.act)).map((c) => ({ ...c }));
  return [...clauses, ...laws, ...own];
}

function lawCitation(id, bundle) {
  const law = (bundle.laws ?? []).find((l) => l.id === id);
  if (!law) return null;
  const cite = (law.cite ?? [])[0] ?? {};
  return { source: 'national', law: id, act: cite.act ?? law.name, name: law.name,
    url: cite.url, summary: law.for_posts ?? law.summary };
}

/**
 * Make one finding.
 * @param {object} rule the rule as written in the bundle
 * @param {{start: number, end: number, noSpan?: boolean}[]} parts the matched parts
 * @param {string} sureness likely or possible
 * @param {object} bundle
 * @returns {object}
 */
export function makeFinding(rule, parts, sureness, bundle, text = '') {
  const spans = parts.filter((p) => !p.noSpan).map((p) => [p.start, p.end])
    .sort((a, b) => a[0] - b[0]);
  const finding = {
    category: rule.category,
    rule: rule.id,
    severity: rule.severity ?? 'medium',
    sureness,
    spans,
    message: rule.message,
    suggestion: rule.suggestion,
    citations: citationsFor(rule, bundle),
  };
  const main = parts[0];
  if (rule.replacement && !main.noSpan) {
    finding.replace_span = [main.start, main.end];
    finding.replacement = replacementFor(rule.replacement, text.slice(main.start, main.end));
  }
  return finding;
}

/**
 * The wording a rule offers in place of the words it matched (Vale's substitution), applied
 * with one tap on the phone. It is made from those words only and never leaves the phone.
 * @param {{to?: string, transform?: string}} replacement
 * @param {string} matched
 * @returns {string}
 */
export function replacementFor(replacement, matched) {
  if (replacement.transform === 'sentence_case') {
    const lower = matched.toLowerCase();
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  if (replacement.transform === 'first_char') return matched.charAt(0);
  return replacement.to ?? '';
}

/**
 * Keep one finding per category and place: the first rule (in bundle order) wins.
 * @param {object[]} findings
 * @returns {object[]}
 */
export function dropRepeats(findings) {
  const kept = [];
  for (const f of findings) {
    const same = kept.find((k) => k.category === f.category && overlap(k.spans, f.spans));
    if (!same) kept.push(f);
  }
  return kept.sort((a, b) => (a.spans[0]?.[0] ?? -1) - (b.spans[0]?.[0] ?? -1));
}

function overlap(a, b) {
  if (a.length === 0 && b.length === 0) return true;
  return a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));
}
