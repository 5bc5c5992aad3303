/**
 * Build DOM nodes without innerHTML, so draft text and bundle text are never parsed as HTML.
 */

/**
 * Create an element with attributes, properties and children.
 * Attributes starting with "on" become event listeners; `class` sets className.
 * @param {string} tag
 * @param {Object<string, *>} [attrs]
 * @param {...(Node|string|number|null|false|Array)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value' || (name in el && typeof value !== 'string')) {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, ...children);
  return el;
}

/**
 * Append children (strings, nodes, nested arrays) to an element, skipping empty ones.
 * @param {Element} el
 * @param {...*} children
 * @returns {Element}
 */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Remove every child of an element.
 * @param {Element} el
 */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

/**
 * Format an ISO date (YYYY-MM-DD) the British way: "6 May 2027".
 * @param {string} iso
 * @returns {string}
 */
export function longDate(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Return a phone number as a tel: address (digits and + only).
 * @param {string} phone
 * @returns {string}
 */
export function telHref(phone) {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
