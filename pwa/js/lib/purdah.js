/**
 * Work out whether the council is in a pre-election period today, from the bundle's elections.
 */

/**
 * Today's date on the phone as YYYY-MM-DD (local time, not UTC: a councillor's day).
 * @param {Date} [now]
 * @returns {string}
 */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The election whose pre-election period includes today, or null.
 * @param {Object} bundle
 * @param {string} [today] YYYY-MM-DD
 * @returns {Object|null} {poll_date, purdah_start, purdah_end, start_is_estimate, ...}
 */
export function activePeriod(bundle, today = localToday()) {
  const elections = bundle?.elections || [];
  return elections.find((e) => e.purdah_start <= today && today <= e.purdah_end) || null;
}

/**
 * The next election still to come (for the purdah screen when no period is on).
 * @param {Object} bundle
 * @param {string} [today]
 * @returns {Object|null}
 */
export function nextElection(bundle, today = localToday()) {
  const coming = (bundle?.elections || []).filter((e) => e.poll_date >= today);
  return coming.sort((a, b) => a.poll_date.localeCompare(b.poll_date))[0] || null;
}
