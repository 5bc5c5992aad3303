/**
 * Tell screen-reader users about a change politely, without moving their focus.
 */

let timer;

/**
 * Announce a short message in the page's polite live region.
 * @param {string} message
 */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  clearTimeout(timer);
  // Clearing first makes a repeated message be read again.
  region.textContent = '';
  timer = setTimeout(() => { region.textContent = message; }, 50);
}
