/**
 * A reminder to look at a saved draft again, kept on the phone (never on the server).
 */

/**
 * The next time the clock shows HH:MM (tomorrow if that time has passed today).
 * @param {string} hhmm such as "08:00"
 * @param {Date} [now]
 * @returns {Date}
 */
export function nextMorning(hhmm, now = new Date()) {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const when = new Date(now);
  when.setHours(hours, minutes, 0, 0);
  if (when <= now) when.setDate(when.getDate() + 1);
  return when;
}

function icsTime(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A calendar file with one event and an alarm; it names no draft text.
 * @param {Date} when
 * @returns {Blob}
 */
export function calendarReminder(when) {
  const end = new Date(when.getTime() + 15 * 60000);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Councillor companion//EN', 'BEGIN:VEVENT',
    `UID:${when.getTime()}@companion.local`, `DTSTAMP:${icsTime(new Date())}`, `DTSTART:${icsTime(when)}`,
    `DTEND:${icsTime(end)}`, 'SUMMARY:Look again at your saved draft', 'BEGIN:VALARM', 'ACTION:DISPLAY',
    'DESCRIPTION:Look again at your saved draft', 'TRIGGER:PT0M', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR'];
  return new Blob([lines.join('\r\n')], { type: 'text/calendar' });
}
