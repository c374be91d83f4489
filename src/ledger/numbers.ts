/*
 * Counts as the clerk reads them: `1,380` (thousands separators, as the pane's progress line
 * and GB/T 15835's 千分撇 allow). No Intl: it costs milliseconds per call where a list of
 * thousands of rows is drawn.
 */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${s}` : s;
}
