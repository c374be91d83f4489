/*
 * The TZ.* functions in WPS 表格 (`Application.AddCustomFunction`, WPS 12.1.0.20540 or later,
 * synchronous only): the same implementations as in Excel (src/functions/functions.ts),
 * registered with the metadata scripts/build-wps.js generates from their JSDoc (the same list
 * also becomes the add-in's functions.json). Arguments are read as Value2 values (errors,
 * empty cells); a function's refusal throws, which WPS shows as an error value.
 */
import * as impl from '../functions/functions';
import type { EtApp } from './et';
import { cellOf } from './values';

export interface WpsFunction {
  /** The name in cells (`TZ.<id>`). */
  id: string;
  /** The export of src/functions/functions.ts behind it. */
  functionName: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
  result: { type: string };
}

export const NAMESPACE = 'TZ';

/** functions.ts reports a refusal as `new CustomFunctions.Error(code, message)` (Office's global); WPS has no such global. */
class FunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

function ensureErrorType(scope: Record<string, unknown>): void {
  if (!scope.CustomFunctions) scope.CustomFunctions = { Error: FunctionError, ErrorCode: { invalidValue: '#VALUE!' } };
}

function arg(v: unknown): unknown {
  return Array.isArray(v) ? v.map(arg) : cellOf(v);
}

/** Registers the functions; returns the ids registered (none where the host has no custom functions). */
export function registerFunctions(app: EtApp, list: WpsFunction[], scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): string[] {
  if (typeof app.AddCustomFunction !== 'function') return [];
  ensureErrorType(scope);
  const done: string[] = [];
  for (const f of list) {
    const fn = (impl as unknown as Record<string, (...a: unknown[]) => unknown>)[f.functionName];
    if (typeof fn !== 'function') continue;
    app.AddCustomFunction(NAMESPACE, f.id, (...args: unknown[]) => fn(...args.map(arg)), { description: f.description, result: f.result, parameters: f.parameters });
    done.push(f.id);
  }
  return done;
}
