/*
 * Can the oldest host parse what we ship? Every .js file in a build folder and every inline
 * <script> of its pages, parsed with acorn at the hosts' ECMAScript level (scripts/es-target.js).
 * acorn accepts RegExp lookbehind from ES2018, but WebKit before Safari 16.4 rejects the whole
 * script for one such regex literal, so those are reported too.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const { ECMA_VERSION } = require('../../scripts/es-target.js') as { ECMA_VERSION: number };

/** Why the code would not run on a host at `ecmaVersion`, or null. */
export function syntaxProblem(code: string, ecmaVersion: number = ECMA_VERSION): string | null {
  let firstError: string | null = null;
  for (const sourceType of ['script', 'module'] as const) {
    const lookbehind: string[] = [];
    try {
      acorn.parse(code, {
        ecmaVersion: ecmaVersion as acorn.ecmaVersion,
        sourceType,
        allowHashBang: true,
        onToken: (t) => {
          const v = (t as unknown as { value?: { pattern?: string } }).value;
          if (t.type.label === 'regexp' && v?.pattern && /\(\?<[=!]/.test(v.pattern)) lookbehind.push(`/${v.pattern}/`);
        },
      });
      return lookbehind.length ? `RegExp lookbehind (Safari 16.4+): ${lookbehind[0].slice(0, 80)}` : null;
    } catch (e) {
      const err = e as Error & { pos?: number };
      firstError ??= `${err.message}: …${code.slice(Math.max(0, (err.pos ?? 0) - 60), (err.pos ?? 0) + 40)}…`;
    }
  }
  return firstError;
}

/** Inline scripts (no src) of an HTML page, in order. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\ssrc=/i.test(m[1]) && !/type=["']?(application\/json|text\/template)/i.test(m[1])).map((m) => m[2]);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

/** Every problem in a build folder, as `file: problem` (empty when all is well). */
export function bundleProblems(dir: string, ecmaVersion: number = ECMA_VERSION): string[] {
  const out: string[] = [];
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file);
    if (file.endsWith('.js')) {
      const p = syntaxProblem(fs.readFileSync(file, 'utf8'), ecmaVersion);
      if (p) out.push(`${rel}: ${p}`);
    } else if (file.endsWith('.html')) {
      inlineScripts(fs.readFileSync(file, 'utf8')).forEach((code, i) => {
        const p = syntaxProblem(code, ecmaVersion);
        if (p) out.push(`${rel} <script> #${i + 1}: ${p}`);
      });
    }
  }
  return out;
}

/** The shipped scripts a build folder holds (what bundleProblems parsed). */
export function shippedScripts(dir: string): string[] {
  return walk(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.html'))
    .map((f) => path.relative(dir, f));
}
