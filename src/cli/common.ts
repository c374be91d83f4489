/* What every command shares: output, the Chinese usage error, --today, and text made safe for a terminal. */
import { firstMessage, localToday, todaySchema } from '../ledger/options';
import { BIDI_CONTROLS } from '../submission/period';

/** A bad argument or an unreadable file: exit 2 with this one Chinese line. */
export class UserError extends Error {}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export function parseToday(v: string | undefined): string {
  if (v === undefined) return localToday();
  const r = todaySchema.safeParse(v);
  if (!r.success) throw new UserError(`--today：${firstMessage(r.error)}`);
  return r.data;
}

// C0 controls but tab and line feed, DEL, and C1 controls (ESC, CSI … move the cursor, clear the screen, set the title).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_NO_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A control character as something visible that does nothing: ␛ for ESC, ␍ for CR, ␤ for a line break inside a line. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code === 0x2028 || code === 0x2029) return '\u2424';
  return '';
}

/** One line of human output: controls shown as symbols (line breaks too), bidi controls dropped. */
export function termLine(s: string): string {
  return s.replace(BIDI_CONTROLS, '').replace(CONTROL, visible);
}

/** Several lines of human output: as `termLine`, keeping the line feeds. */
export function termText(s: string): string {
  return s.replace(BIDI_CONTROLS, '').replace(CONTROL_NO_LF, visible);
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but writes C1 and bidi controls and
 * U+2028/2029 as they are; escaped (`\u202e`), they parse back to exactly the same text.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
