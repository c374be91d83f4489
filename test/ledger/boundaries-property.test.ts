/*
 * Issue 16's property: a random ledger with divider, 合计, continuation, styled-empty and 说明
 * rows inserted at random keeps every case, and its cases are exactly those in the Word file
 * (read back from the .docx's own tables, as the county's roll-up reads them) plus the pending
 * ones plus other months' cases. Nothing is dropped, nothing is invented.
 */
import fc from 'fast-check';
import { CellRange, CellValue, SheetGrid } from '../../src/ledger/cell';
import { Kind, officialColumns } from '../../src/ledger/columns';
import { periodSchema } from '../../src/ledger/options';
import { readDocx } from '../../src/rollup/docx-read';
import { openDocx } from '../../src/rollup/input';
import { prepareSubmission } from '../../src/submission';
import { ledgerIssues } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';
import { ledgerGrid } from '../helpers/ledger';

const TODAY = '2023-12-05';
const PERIOD = '2023-10';

interface Case {
  month: 9 | 10 | 11;
  day: number;
  /** Coercion only: not closed yet (pending). */
  open: boolean;
  /** A second physical line of its long text. */
  continued: boolean;
}

type Insert = 'divider' | 'divider-merged' | 'total' | 'empty' | 'note';

const caseArb = fc.record({ month: fc.constantFrom<9 | 10 | 11>(9, 10, 11), day: fc.integer({ min: 1, max: 28 }), open: fc.boolean(), continued: fc.boolean() });
const insertArb = fc.record({ at: fc.nat(), kind: fc.constantFrom<Insert>('divider', 'divider-merged', 'total', 'empty', 'note'), text: fc.nat() });

const DIVIDERS = ['2023年10月', '十一月份', '第四季度', '补录', '——2023年9月——', '以下为11月份案件'];
const NOTES = ['注：罚没款单位为元', '说明：本表按结案时间填写', '填表说明：日期写到日', '制表人：张三'];

function values(kind: Kind, n: number, c: Case): Record<string, CellValue> {
  const date = `2023年${c.month}月${c.day}日`;
  if (kind === 'penalty') {
    return { seq: n, decisionNo: `天综执罚决〔2023〕${n}号`, cause: '占道经营案', party: `李某${n}`, facts: '当事人占道经营', closedOn: date, outcome: '警告', basis: '《城市市容和环境卫生管理条例》第三十六条', officers: '王明、李强' };
  }
  return {
    seq: n,
    decisionNo: `天综执强〔2023〕${n}号`,
    cause: '涉嫌无证经营案',
    party: `某店${n}`,
    category: '行政强制措施',
    measure: '扣押',
    startedOn: c.open ? '2023年11月20日' : `2023年${c.month}月1日`,
    term: '30日',
    closedOn: c.open ? null : date,
    result: c.open ? null : '已解除扣押',
    basis: '《无证无照经营查处办法》第十二条',
    officers: '王明、李强',
  };
}

/** The sheet, where each case begins, and the text each case ends with once its continuation is joined. */
function build(kind: Kind, cases: Case[], inserts: { at: number; kind: Insert; text: number }[]): { grid: SheetGrid; rows: number[]; longText: string[] } {
  const cols = officialColumns(kind);
  const base = ledgerGrid(kind, [], kind === 'penalty' ? '处罚' : '强制');
  const longKey = kind === 'penalty' ? 'facts' : 'basis';
  const longAt = cols.findIndex((c) => c.key === longKey);
  const rows: CellValue[][] = [...base.rows];
  const merges: CellRange[] = [...base.merges];
  const starts: number[] = [];
  const longText: string[] = [];
  const byPosition = new Map<number, typeof inserts>();
  for (const i of inserts) {
    const at = i.at % (cases.length + 1);
    byPosition.set(at, [...(byPosition.get(at) ?? []), i]);
  }
  const put = (i: { kind: Insert; text: number }) => {
    const r = rows.length + 1;
    const line: CellValue[] = new Array(cols.length).fill(null);
    switch (i.kind) {
      case 'divider':
        line[i.text % 2] = DIVIDERS[i.text % DIVIDERS.length];
        break;
      case 'divider-merged':
        line[0] = DIVIDERS[i.text % DIVIDERS.length];
        merges.push({ top: r, left: 1, bottom: r, right: cols.length });
        break;
      case 'total':
        line[0] = '合计';
        line[1] = `共${cases.length}件`;
        break;
      case 'note':
        line[0] = NOTES[i.text % NOTES.length];
        break;
      case 'empty':
        break;
    }
    rows.push(line);
  };
  cases.forEach((c, n) => {
    for (const i of byPosition.get(n) ?? []) put(i);
    const v = values(kind, n + 1, c);
    starts.push(rows.length + 1);
    rows.push(cols.map((col) => v[col.key] ?? null));
    const text = String(v[longKey]);
    if (c.continued) {
      const line: CellValue[] = new Array(cols.length).fill(null);
      line[longAt] = `（续${n + 1}）`;
      rows.push(line);
    }
    longText.push(c.continued ? `${text}（续${n + 1}）` : text);
  });
  for (const i of byPosition.get(cases.length) ?? []) put(i);
  return { grid: { ...base, rows, merges }, rows: starts, longText };
}

test('every case is kept, and cases = Word file + pending + other months', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(caseArb, { minLength: 0, maxLength: 14 }), fc.array(caseArb, { minLength: 0, maxLength: 8 }), fc.array(insertArb, { maxLength: 10 }), async (pen, coe, inserts) => {
      const p = build('penalty', pen, inserts);
      const c = build('coercion', coe, inserts);
      const check = checkWorkbook([p.grid, c.grid], { today: TODAY });
      const [pl, cl] = check.ledgers;
      expect(pl.records.map((r) => r.row)).toEqual(p.rows);
      expect(cl.records.map((r) => r.row)).toEqual(c.rows);
      expect(pl.records.map((r) => r.display.facts)).toEqual(p.longText);
      expect(cl.records.map((r) => r.display.basis)).toEqual(c.longText);
      // Nothing asks the clerk to invent data, and nothing is left unread.
      expect([...ledgerIssues(pl), ...ledgerIssues(cl)]).toEqual([]);

      const pkg = await prepareSubmission(check, { period: periodSchema.parse(PERIOD), team: '天宁镇综合行政执法队', contact: { name: '张三', title: '队员', phone: '13812345678' }, today: TODAY });
      if (pkg.refused) throw new Error(pkg.message);
      const word = await readDocx(await openDocx(pkg.docx, 'x.docx'), 'x.docx');
      const inWord = checkWorkbook(
        word.tables.map((t) => t.grid),
        { today: TODAY },
      ).ledgers;
      const wordCount = (kind: Kind) => inWord.filter((l) => l.layout.kind === kind).reduce((n, l) => n + l.records.length, 0);
      expect(inWord.flatMap((l) => ledgerIssues(l).filter((i) => i.rule === 'rows-not-read'))).toEqual([]);
      for (const [kind, l] of [['penalty', pl], ['coercion', cl]] as const) {
        const pending = l.records.filter((r) => r.status === 'pending').length;
        const others = l.records.filter((r) => r.reportMonth !== null && r.reportMonth !== PERIOD).length;
        expect(wordCount(kind) + pending + others).toBe(l.records.length);
        expect(wordCount(kind)).toBe(l.records.filter((r) => r.reportMonth === PERIOD).length);
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);
