import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import { ledgerIssues } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';
import { RECORD_SCHEMAS } from '../../src/ledger/schema';
import * as fs from 'fs';

const FIXTURE = path.join(__dirname, '../../../shared/fixtures/sample-2023-10.xlsx');
const expected = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.xlsx$/, '.expected.json'), 'utf8')) as {
  today: string;
  sheets: { name: string; kind: string; records: number }[];
  records: ExpectedRecord[];
  notRecords: { sheet: string; row: number }[];
};

interface ExpectedRecord {
  sheet: string;
  row: number;
  status?: string;
  reportMonth?: string | null;
  rules?: string[];
  forbid?: string[];
  clean?: boolean;
}

describe('sample-2023-10.xlsx meets its expectations', () => {
  let check: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    const wb = await readWorkbook(FIXTURE);
    check = checkWorkbook(wb.sheets, { today: expected.today, date1904: wb.date1904 });
  });

  test('sheets: names, kinds and record counts; non-ledger sheets are not listed', () => {
    const got = check.ledgers.map((l) => ({ name: l.layout.sheet, kind: l.layout.kind, records: l.records.length }));
    expect(got).toEqual(expected.sheets);
  });

  test('team read from the titles', () => {
    expect(check.ledgers.map((l) => l.layout.team)).toEqual(['天宁镇综合行政执法队', '天宁镇综合行政执法队', '天宁镇综合行政执法队']);
  });

  test.each(expected.records.map((r) => [`${r.sheet} row ${r.row}`, r] as const))('%s', (_name, exp) => {
    const ledger = check.ledgers.find((l) => l.layout.sheet === exp.sheet)!;
    const rec = ledger.records.find((r) => r.row === exp.row);
    expect(rec).toBeDefined();
    if (!rec) return;
    if (exp.status !== undefined) expect(rec.status).toBe(exp.status);
    if (exp.reportMonth !== undefined) expect(rec.reportMonth).toBe(exp.reportMonth);
    const rules = rec.issues.map((i) => i.rule);
    for (const r of exp.rules ?? []) expect(rules).toContain(r);
    for (const r of exp.forbid ?? []) expect(rules).not.toContain(r);
    if (exp.clean) expect(rec.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test.each(expected.notRecords.map((r) => [`${r.sheet} row ${r.row}`, r] as const))('not a record: %s', (_n, exp) => {
    const ledger = check.ledgers.find((l) => l.layout.sheet === exp.sheet)!;
    expect(ledger.records.map((r) => r.row)).not.toContain(exp.row);
  });

  test('every issue names its sheet, row, cell and column, and its message names the cell', () => {
    for (const l of check.ledgers) {
      for (const i of ledgerIssues(l)) {
        expect(i.sheet).toBe(l.layout.sheet);
        expect(i.cell).toMatch(new RegExp(`^[A-Z]+${i.row}$`));
        expect(i.message.startsWith(`${i.cell}「${i.column}」：`)).toBe(true);
      }
    }
  });

  test('every typed record satisfies its zod schema', () => {
    for (const l of check.ledgers) {
      for (const r of l.records) expect(RECORD_SCHEMAS[l.layout.kind].safeParse(r.fields).success).toBe(true);
    }
  });
});
