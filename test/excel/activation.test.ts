/*
 * Office activates the add-in only where every <Requirements> set of manifest.xml is supported
 * (test/fake-excel/profiles.ts activation): every host profile the tests run under must activate
 * it, and the hosts the README says cannot run it must not (so the README's minimums are true).
 */
import { NOT_ACTIVATED, PROFILES, activation, manifestRequirements } from '../fake-excel/profiles';

test('every host profile activates the add-in under manifest.xml’s <Requirements>', () => {
  for (const p of PROFILES) expect([p.name, activation(p.options.sets!)]).toEqual([p.name, { activates: true, missing: [] }]);
});

test('retail perpetual before Version 2311 and volume-licensed 2016/2019 do not: the set each one lacks', () => {
  const why = Object.fromEntries(NOT_ACTIVATED.map((h) => [h.name, activation(h.sets).missing]));
  expect(why).toEqual({
    'retail-perpetual-2002': ['CustomFunctionsRuntime 1.2'],
    'volume-2019': ['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.2', 'ExcelApi 1.9'],
    'volume-2016': ['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.2', 'ExcelApi 1.9'],
  });
});

test('the manifest requires the custom functions runtime (the README states the minimums this gives)', () => {
  expect(manifestRequirements()).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', ExcelApi: '1.9' });
});
