/**
 * Decide whether a bundle from the server is one the app can use. A bundle that fails here is
 * never saved: the app keeps the last good one (the server's schema is the full check; this is
 * the phone's guard against a broken or truncated answer).
 */

// Needed to be of any use offline; the other lists may be absent but must be lists if present.
const REQUIRED_LISTS = ['contacts', 'checklist', 'walkthroughs'];
const OPTIONAL_LISTS = ['guidance', 'faqs', 'principles', 'laws', 'rules', 'elections'];

/**
 * List what is wrong with a bundle (an empty list means it is usable).
 * @param {*} bundle the parsed JSON
 * @param {string} [slug] the council it must belong to
 * @returns {string[]}
 */
export function bundleProblems(bundle, slug) {
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) return ['not a JSON object'];
  const problems = [];
  if (bundle.schema_version !== 1) problems.push('unknown schema_version');
  if (!bundle.council || typeof bundle.council.name !== 'string') problems.push('no council');
  else if (slug && bundle.council.slug !== slug) problems.push('another council');
  for (const key of REQUIRED_LISTS) {
    if (!Array.isArray(bundle[key])) problems.push(`${key} is not a list`);
  }
  for (const key of OPTIONAL_LISTS) {
    if (key in bundle && !Array.isArray(bundle[key])) problems.push(`${key} is not a list`);
  }
  for (const key of ['pause', 'risk_clauses']) {
    if (key in bundle && (typeof bundle[key] !== 'object' || Array.isArray(bundle[key]))) problems.push(`${key} is not an object`);
  }
  return problems;
}
