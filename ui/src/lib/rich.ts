// Messages with an element inside them ("… kept as <code>file</code>."): the message is written
// with a placeholder where the element goes, and the text either side is shown around it, so the
// words stay whole for translators and nothing is rendered as HTML.

const SLOT = '\u0000';

/** A sentence whose last word brought its own full stop ("… a las 7:00 p.m.."), with one. */
export function oneStop(text: string): string {
  return text.replace(/\.\.$/, '.');
}

/** The text before and after the slot that `render` puts its argument in. */
export function around(render: (slot: string) => string): [string, string] {
  const text = render(SLOT);
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
