/**
 * Plain-English names for the analyser's risk categories (shared/RISK_TAXONOMY.md).
 */

const NAMES = {
  defamation: 'an untrue, damaging claim about someone (defamation)',
  predetermination: 'your mind being made up before a decision (predetermination)',
  confidential: 'sharing confidential council business',
  personal_data: "sharing someone's personal details",
  discrimination: 'discrimination against a protected group',
  harassment: 'a personal attack or harassment',
  electioneering: 'election campaigning',
  council_voice: 'speaking for the council',
  copyright: "using someone else's work without permission",
  safeguarding: 'a risk to a child or vulnerable adult',
  security: 'a risk to your account’s security',
  casework: "a resident's private case",
  commercial: 'promoting your own business',
  emotional: 'posting while tired or upset',
};

/**
 * How a category is named to the councillor.
 * @param {string} category an id such as "defamation"
 * @returns {string}
 */
export function categoryName(category) {
  return NAMES[category] || category.replace(/_/g, ' ');
}
