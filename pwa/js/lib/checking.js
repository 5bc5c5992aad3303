/**
 * Check a draft on the phone: run the analyser with the draft's context and pick the checklist
 * items that apply now. The draft never leaves the phone.
 */
import { analyse, compileBundle, WARM_TEXT, warmPatterns } from '../rules/index.js';
import { activePeriod } from './purdah.js';

/**
 * The context the analyser and the checklist need, from the draft's choices and the clock.
 * @param {Object} draft {platform, as, sharing, photo}
 * @param {Object} bundle
 * @param {Date} [now]
 * @returns {{purdah: boolean, local_time: string, platform: string, as: string, sharing: boolean, photo: boolean}}
 */
export function draftContext(draft, bundle, now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return {
    purdah: Boolean(activePeriod(bundle)),
    local_time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    platform: draft.platform || 'other',
    as: draft.as === 'private' ? 'private' : 'councillor',
    sharing: Boolean(draft.sharing),
    photo: Boolean(draft.photo),
  };
}

/**
 * Get a bundle ready for checking while the phone is idle, so that the first checks after the
 * app opens do not wait: compile its rules, then weigh a sample sentence (which builds the word
 * weights' table), then run its regular expressions a slice at a time (pwa/js/rules/compile.js,
 * warmPatterns). The sample is ours; no draft is read.
 * @param {Object|null} bundle
 * @returns {Promise<Object|null>} the compiled rules (the analyser's own cache), or null when
 *   there is nothing to compile or the bundle is refused (the first check then says why); once
 *   compiled, its `warming` promise settles when every expression has run
 */
export function warmUp(bundle) {
  if (!Array.isArray(bundle?.rules)) return Promise.resolve(null);
  return new Promise((resolve) => {
    whenIdle(() => {
      let compiled;
      try {
        compiled = compileBundle(bundle);
      } catch {
        resolve(null);
        return;
      }
      compiled.warming ??= new Promise((done) => {
        whenIdle(() => {
          try {
            analyse(WARM_TEXT, bundle, {});
          } catch {
            // Left to the first check, which says what is wrong.
          }
          warmInSlices(compiled, done);
        });
      });
      resolve(compiled);
    });
  });
}

// How long one slice of warming may run when the browser does not say how long it is idle.
const SLICE_MS = 8;

function whenIdle(run) {
  if (globalThis.requestIdleCallback) globalThis.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}

function warmInSlices(compiled, done) {
  whenIdle((deadline) => {
    const budget = deadline ? Math.max(deadline.timeRemaining(), 1) : SLICE_MS;
    if (warmPatterns(compiled, performance.now() + budget)) warmInSlices(compiled, done);
    else done();
  });
}

/**
 * Analyse a draft; an empty draft has nothing to report.
 * @param {string} text
 * @param {Object} bundle
 * @param {Object} context from draftContext
 * @returns {{findings: Array<Object>, pause: {open: boolean, reasons: Array}}}
 */
export function checkDraft(text, bundle, context) {
  if (!text.trim()) return { findings: [], pause: { open: false, reasons: [] } };
  const result = analyse(text, bundle, context) || {};
  return {
    findings: Array.isArray(result.findings) ? result.findings : [],
    pause: result.pause || { open: false, reasons: [] },
  };
}

/**
 * The checklist items that apply now: every key of an item's `when` must match the context.
 * @param {Object} bundle
 * @param {Object} context
 * @returns {Array<{id: string, text: string, cite: Array}>}
 */
export function checklistFor(bundle, context) {
  return (bundle.checklist || []).filter((item) =>
    Object.entries(item.when || {}).every(([key, value]) => context[key] === value));
}

/**
 * Find the council's own words for a citation, from the bundle's risk clauses.
 * @param {Object} bundle
 * @param {string} category
 * @param {{source: string, section?: string}} citation
 * @returns {string|null}
 */
export function clauseSummary(bundle, category, citation) {
  const clauses = bundle.risk_clauses?.[category] || [];
  const match = clauses.find((c) => c.source === citation.source && c.section === citation.section);
  return match ? match.summary : null;
}
