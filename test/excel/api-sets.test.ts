/*
 * The fake's requirement sets come from @types/office-js (scripts/office-api-sets.js), the host
 * profiles from Microsoft's tables and manifest.xml.
 */
import * as fs from 'fs';
import { LATEST_EXCEL_API, requirementOf } from '../fake-excel/api-sets';
import { DECLARED_MIN, PROFILES, manifestRequirements } from '../fake-excel/profiles';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generate, render, OUT } = require('../../scripts/office-api-sets.js');

test('api-sets.generated.json is what the installed @types/office-js says (run node scripts/office-api-sets.js after updating it)', () => {
  expect(fs.readFileSync(OUT, 'utf8')).toBe(render(generate()));
});

test('members are tagged as Microsoft documents them', () => {
  expect(requirementOf('Worksheet.getRanges')).toEqual(['ExcelApi', '1.9']);
  expect(requirementOf('Worksheet.getRangeByIndexes')).toEqual(['ExcelApi', '1.7']);
  expect(requirementOf('Range.getMergedAreasOrNullObject')).toEqual(['ExcelApi', '1.13']);
  expect(requirementOf('ConditionalFormat.id')).toEqual(['ExcelApi', '1.6']);
  expect(requirementOf('WorksheetChangedEventArgs.triggerSource')).toEqual(['ExcelApi', '1.14']);
  expect(requirementOf('Worksheet.visibility')).toEqual(['ExcelApi', '1.1']);
  expect(requirementOf('Worksheet.visibility', true)).toEqual(['ExcelApi', '1.2']);
  expect(requirementOf('Office.UI.openBrowserWindow')).toEqual(['OpenBrowserWindowApi', '1.1']);
  expect(requirementOf('Office.Addin.onVisibilityModeChanged')).toEqual(['SharedRuntime', '1.1']);
  expect(Number(LATEST_EXCEL_API.split('.')[1])).toBeGreaterThanOrEqual(17);
});

test('the manifest-minimum profile is exactly manifest.xml’s <Requirements>', () => {
  const declared = manifestRequirements();
  expect(declared).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', ExcelApi: '1.9' });
  expect(DECLARED_MIN).toBe('1.9');
  const min = PROFILES.find((p) => p.name === 'manifest-min')!;
  expect(min.options.sets).toEqual(declared);
  expect(PROFILES.map((p) => [p.name, p.options.sets!.ExcelApi])).toEqual([
    ['manifest-min', '1.9'],
    ['ltsc-2021', '1.14'],
    ['retail-perpetual', '1.17'],
    ['mac-16.35', '1.11'],
    ['web', LATEST_EXCEL_API],
    ['m365', LATEST_EXCEL_API],
  ]);
});
