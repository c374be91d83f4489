/* Compatibility re-export: the pane's contract now lives in src/session/service.ts (import it from there). */
export type * from '../session/service';
