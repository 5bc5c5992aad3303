/**
 * The alerts setting: says plainly what is sent, then subscribes or unsubscribes this phone.
 */
import { h } from '../lib/dom.js';
import { alertsSupported, currentSubscription, turnOffAlerts, turnOnAlerts } from '../lib/push.js';

const WHAT_IS_SENT = 'To send alerts, the server keeps only this phone’s alert address, your council and the kinds of alert (pre-election period, guidance updates). Never a draft or anything you type.';

/**
 * The alerts block with one button that turns alerts on or off.
 * @param {Object} app
 * @param {() => void} [onDone] called after a successful change
 * @returns {Promise<HTMLElement>}
 */
export async function alertsSection(app, onDone) {
  const section = h('section', { class: 'alerts', 'aria-labelledby': 'alerts-title' },
    h('h2', { id: 'alerts-title' }, 'Alerts'),
    h('p', {}, 'Get a message when a pre-election period starts or your council changes its guidance.'),
    h('p', { class: 'hint' }, WHAT_IS_SENT));
  if (!alertsSupported()) {
    section.append(h('p', {}, 'This browser can’t receive alerts. Adding the app to your home screen may help.'));
    return section;
  }
  const on = Boolean(await currentSubscription().catch(() => null));
  const note = h('p', { role: 'status', class: 'alerts-status' }, on ? 'Alerts are on.' : 'Alerts are off.');
  const toggle = async () => {
    button.disabled = true;
    try {
      if (on) await turnOffAlerts(); else await turnOnAlerts(app.slug);
      app.announce(on ? 'Alerts turned off.' : 'Alerts turned on.');
      if (onDone) onDone(); else window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      note.textContent = error.message === 'permission'
        ? 'Alerts need permission to show notifications. You can allow it in your browser settings.'
        : 'Alerts could not be changed just now. Please try again when you have a signal.';
      button.disabled = false;
    }
  };
  const button = h('button', { type: 'button', class: 'button button--secondary', onclick: toggle }, on ? 'Turn alerts off' : 'Turn alerts on');
  section.append(note, button);
  return section;
}
