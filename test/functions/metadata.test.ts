/* functions.json as custom-functions-metadata (the engine of the webpack plugin) builds it from the JSDoc. */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { holidayDataRange } from '../../src/validation/cell-functions';

const SOURCE = path.resolve(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

interface Param {
  name: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let functions: Fn[];
let associate: { functionName: string; id: string }[];
let errors: string[];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([SOURCE], false);
  errors = r.errors;
  associate = r.associate;
  functions = JSON.parse(r.metadataJson).functions;
});

const byId = (id: string): Fn => {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
};
/** name, type, optional flag and dimensionality of each parameter. */
const shape = (f: Fn) => f.parameters.map((p) => [p.name, p.type, !!p.optional, p.dimensionality ?? 'scalar']);

test('no metadata errors, exactly the five functions of spec §5.2', () => {
  expect(errors).toEqual([]);
  expect(functions.map((f) => f.id)).toEqual(['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']);
  for (const f of functions) expect(f.name).toBe(f.id);
});

test('parameters, optional flags and result types', () => {
  expect(shape(byId('REPORT_MONTH'))).toEqual([
    ['date', 'any', false, 'scalar'],
    ['hazardCount', 'any', true, 'scalar'],
    ['recheckDate', 'any', true, 'scalar'],
  ]);
  expect(byId('REPORT_MONTH').result).toEqual({ type: 'string' });

  expect(shape(byId('CHECK_ROW'))).toEqual([
    ['row', 'any', false, 'matrix'],
    ['headerRow', 'any', false, 'matrix'],
  ]);
  expect(byId('CHECK_ROW').result).toEqual({ type: 'string' });

  expect(shape(byId('WORKDAY_CN'))).toEqual([
    ['start', 'any', false, 'scalar'],
    ['days', 'number', false, 'scalar'],
  ]);
  expect(byId('WORKDAY_CN').result).toEqual({ type: 'number' });

  expect(shape(byId('IS_WORKDAY_CN'))).toEqual([['date', 'any', false, 'scalar']]);
  expect(byId('IS_WORKDAY_CN').result).toEqual({ type: 'boolean' });

  expect(shape(byId('PUBLICITY_DUE'))).toEqual([
    ['decisionDate', 'any', false, 'scalar'],
    ['kind', 'string', true, 'scalar'],
  ]);
  expect(byId('PUBLICITY_DUE').result).toEqual({ type: 'number' });
});

test('plain synchronous functions, not streaming or cancelable; only TZ.CHECK_ROW is volatile (its result depends on today’s date)', () => {
  for (const f of functions) expect([f.id, f.options]).toEqual([f.id, f.id === 'CHECK_ROW' ? { volatile: true } : undefined]);
});

test('Chinese help text for every function and parameter', () => {
  const han = /[\u4e00-\u9fff]/;
  for (const f of functions) {
    expect(f.description).toMatch(han);
    for (const p of f.parameters) expect(p.description ?? '').toMatch(han);
  }
});

test('the help names the years the holiday data covers', () => {
  const { first, last } = holidayDataRange();
  for (const id of ['WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']) {
    expect(byId(id).description).toContain(`${first}–${last} 年`);
    expect(byId(id).description).toContain('周一至周五');
  }
});

test('each id is associated with an exported wrapper', async () => {
  const mod = (await import('../../src/functions/functions')) as unknown as Record<string, unknown>;
  expect(associate.map((a) => a.id)).toEqual(functions.map((f) => f.id));
  for (const a of associate) expect(typeof mod[a.functionName]).toBe('function');
});
