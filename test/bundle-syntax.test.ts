/*
 * The syntax check behind test/build.test.ts's "every shipped script parses on the oldest host"
 * (that test runs it on the production and intranet builds): what it rejects and accepts.
 */
import { ECMA_VERSION, inlineScripts, syntaxProblem } from './helpers/bundle-syntax';

test('the hosts’ level is ES2021 (scripts/es-target.js: Safari 14.1 on the Mac)', () => {
  expect(ECMA_VERSION).toBe(2021);
});

test('newer syntax is rejected: class static blocks and fields (ES2022), top-level await', () => {
  expect(syntaxProblem('class A { static { this.x = 1; } }')).toMatch(/Unexpected token/);
  expect(syntaxProblem('class A { x = 1 }')).toMatch(/Unexpected token/);
  expect(syntaxProblem('await Promise.resolve(1);')).not.toBeNull();
});

test('what Safari 14.1 parses is accepted: ??=, ?., ??, numeric separators, async generators, object spread', () => {
  expect(syntaxProblem('let a; a ??= 1; const b = a?.c ?? 1_000; async function* g() { yield* [ { ...{ a } } ]; }')).toBeNull();
  expect(syntaxProblem('import x from "y"; export default x;')).toBeNull();
});

test('a RegExp lookbehind literal is rejected (WebKit before Safari 16.4 cannot parse the whole script); one built at run time is not a parse error', () => {
  expect(syntaxProblem('const r = /(?<=a)b/;')).toMatch(/lookbehind/);
  expect(syntaxProblem('const r = /(?<!a)b/g;')).toMatch(/lookbehind/);
  expect(syntaxProblem('const r = /(?<name>a)b/;')).toBeNull();
  expect(syntaxProblem('const r = new RegExp("(?<=a)b");')).toBeNull();
});

test('inline scripts are found in pages; external ones are skipped', () => {
  const html = '<script src="a.js"></script><script>var x = 1;</script><script type="text/javascript">class A { static { } }</script>';
  expect(inlineScripts(html)).toEqual(['var x = 1;', 'class A { static { } }']);
  expect(inlineScripts(html).map((c) => syntaxProblem(c))).toEqual([null, expect.stringMatching(/Unexpected token/)]);
  // The webview check in taskpane.html runs in Internet Explorer: ES5.
  expect(syntaxProblem('(function () { var ua = navigator.userAgent; })();', 5)).toBeNull();
  expect(syntaxProblem('(() => 1)();', 5)).not.toBeNull();
});
