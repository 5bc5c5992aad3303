/**
 * The draft analyser: pure functions, no DOM, no network, no logging.
 *
 * `analyse(text, bundle, context)` runs the bundle's rules over a draft on the phone and says
 * what is risky, why, under which clause of the council's policy and which law, and whether the
 * "tired or emotional?" pause should open. See README.md for the rule format.
 */
import { compileBundle } from './compile.js';
import { dropRepeats, makeFinding } from './findings.js';
import { findScopes, inScope } from './scopes.js';
import { NONE, readDraft } from './text.js';
import { vetoedCategories, weighDraft, weighedFindings } from './weights.js';

export { compileBundle, RuleError, WARM_TEXT, warmPatterns } from './compile.js';
export { regexProblem } from './regex-check.js';

// What a missing context field means: the app is a councillor's, posting their own words.
const CONTEXT_DEFAULTS = { purdah: false, sharing: false, photo: false, as: 'councillor' };

/**
 * Analyse a draft against a council's bundle.
 * @param {string} text the draft as typed
 * @param {object} bundle the composed bundle as the API serves it
 * @param {{purdah?: boolean, local_time?: string, platform?: string, as?: string,
 *   sharing?: boolean, photo?: boolean}} [context]
 * @param {{keepRepeats?: boolean, rulesOnly?: boolean}} [options] keepRepeats: one finding per
 *   rule match (for tests); rulesOnly: leave out the word weights' findings
 * @returns {{findings: object[], categories: string[], pause: {open: boolean,
 *   reasons: {rule: string, message: string}[]}}}
 */
export function analyse(text, bundle, context = {}, options = {}) {
  const compiled = compileBundle(bundle);
  const draft = readDraft(typeof text === 'string' ? text : '');
  const ctx = { ...CONTEXT_DEFAULTS, ...context };
  const scopes = findScopes(draft, compiled.triggers);
  const all = [];
  // Only the rules whose words the draft holds (or that need no word) can match it.
  const may = compiled.gate(draft);
  compiled.rules.forEach((rule, k) => {
    if (!may[k]) return;
    for (const f of runRule(rule, draft, ctx, bundle, scopes)) all.push(f);
  });
  // A match with nothing in the text to point at (the hour alone) opens the pause but is not a
  // finding about the draft: a calm post at 23:30 is not a risk.
  const spanless = all.filter((f) => f.spans.length === 0);
  const spanned = all.filter((f) => f.spans.length > 0);
  const weighed = options.rulesOnly ? [] : weighDraft(draft, ctx, bundle, scopes);
  // The word weights, trained on thousands of labelled drafts, overrule a rule in a category
  // where the draft reads far more like the innocent drafts than like the risky ones. They weigh
  // words, so they never overrule a detector: an e-mail address or a password is in the draft
  // however innocent the words around it.
  const vetoed = vetoedCategories(weighed);
  const kept = vetoed.size
    ? spanned.filter((f) => !vetoed.has(f.category) || compiled.detecting.has(f.rule))
    : spanned;
  const ruled = options.keepRepeats ? kept : dropRepeats(kept);
  const reported = new Set(ruled.map((f) => f.category));
  const findings = [...ruled, ...weighedFindings(weighed, bundle, reported)]
    .sort((a, b) => a.spans[0][0] - b.spans[0][0]);
  return {
    findings,
    categories: [...new Set(findings.map((f) => f.category))],
    pause: pauseFor([...spanless, ...findings]),
  };
}

function runRule(rule, draft, ctx, bundle, scopes) {
  const { source } = rule;
  if (!holds(source.when, ctx)) return NONE;
  const found = rule.find(draft, ctx, bundle);
  // Most rules find nothing in most drafts: return before making anything.
  if (found.length === 0) return NONE;
  const inView = found.filter((m) => !inScope(scopes, rule.cancelledBy, m));
  if (inView.length === 0) return NONE;
  // Each antipattern is looked for once per draft, not once per match.
  const antipatterns = rule.unless.map((u) => ({ spec: u, hits: u.find(draft, ctx, bundle) }));
  const matches = inView.filter((m) => !antipatterns.some((a) => cancels(a, m, draft)));
  if (matches.length === 0) return [];
  const nearMatches = rule.near ? rule.near.find(draft, ctx, bundle) : null;
  const raisers = rule.likelyIf ? rule.likelyIf.find(draft, ctx, bundle) : [];
  const findings = [];
  for (const m of matches) {
    const parts = nearMatches ? withNear(m, nearMatches, rule.near, draft) : [m];
    if (!parts) continue;
    findings.push(makeFinding(source, parts, sureness(rule, parts, raisers, draft, ctx), bundle,
      draft.text));
  }
  return findings;
}

/**
 * Say whether every condition of a rule's `when` holds in the context.
 * @param {object|undefined} when e.g. {"purdah": true, "as": ["councillor"]}
 * @param {object} ctx
 * @returns {boolean}
 */
export function holds(when, ctx) {
  if (!when) return true;
  for (const key in when) {
    if (!Object.hasOwn(when, key)) continue;
    const want = when[key];
    if (Array.isArray(want) ? !want.includes(ctx[key]) : ctx[key] !== want) return false;
  }
  return true;
}

function distance(a, b) {
  if (b.last < a.first) return a.first - b.last;
  if (b.first > a.last) return b.first - a.last;
  return 0;
}

function sameSentence(a, b, draft) {
  return draft.words[a.first]?.s === draft.words[b.first]?.s;
}

function cancels({ spec, hits }, m, draft) {
  return hits.some((u) => {
    if (spec.scope === 'draft') return true;
    if (spec.scope === 'sentence') return sameSentence(u, m, draft);
    return sameSentence(u, m, draft) && distance(m, u) <= spec.within;
  });
}

// Whether a near (or likely_if) match counts for a match: within `within` words in the same
// sentence (scope "words", the default), anywhere in the same sentence, or anywhere in the draft.
function isNear(m, n, spec, draft) {
  if (spec.scope === 'draft') return true;
  if (!sameSentence(m, n, draft) && !m.noSpan) return false;
  return spec.scope === 'sentence' || distance(m, n) <= spec.within;
}

function withNear(m, nearMatches, near, draft) {
  let best = null;
  for (const n of nearMatches) {
    const d = distance(m, n);
    // The near part must be other words than the match (a spanless match, the hour, has none).
    if ((d === 0 && !m.noSpan) || !isNear(m, n, near, draft)) continue;
    if (!best || d < distance(m, best)) best = n;
  }
  return best ? [m, best] : null;
}

// Possible, raised to likely by the context or by a context word near the match (Presidio).
function sureness(rule, parts, raisers, draft, ctx) {
  const { source } = rule;
  if ((source.sureness ?? 'likely') === 'likely') return 'likely';
  if (source.likely_when && holds(source.likely_when, ctx)) return 'likely';
  if (raisers.some((h) => isNear(parts[0], h, rule.likelyIf, draft))) return 'likely';
  return 'possible';
}

function pauseFor(findings) {
  const reasons = findings.filter((f) => f.category === 'emotional')
    .map((f) => ({ rule: f.rule, message: f.message }));
  return { open: reasons.length > 0, reasons };
}
