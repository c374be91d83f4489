import fc from 'fast-check';
import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { KINDS, officialColumns } from '../../src/ledger/columns';
import { parseCount } from '../../src/ledger/count';
import { parseDate, parseTimeOfDay } from '../../src/ledger/dates';
import { detectLedger } from '../../src/ledger/detect';
import { parseMark } from '../../src/ledger/marks';
import { findAmounts } from '../../src/ledger/money';
import { lateFeeOver, parseOutcome, splitTransfer } from '../../src/ledger/outcome';
import { inHolidayBreak } from '../../src/ledger/periods';
import { parsePersons } from '../../src/ledger/persons';
import { normativeBasis } from '../../src/validation/basis';
import { openSign } from '../../src/validation/law';
import { RECORD_SCHEMAS } from '../../src/ledger/schema';
import { WorkbookChecker, checkWorkbook } from '../../src/validation/workbook';
import { checkRowValues } from '../../src/validation/row';
import { ledgerGrid } from '../helpers/ledger';

const ERRORS = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];

/** 100k-character texts: mixed CJK and control characters, a date-like prefix, a placeholder-like run. */
const HUGE = [
  Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(i % 7 === 0 ? i % 32 : 0x4e00 + (i % 20000))).join(''),
  '2023年10月9日' + '、王明'.repeat(33_330),
  'X'.repeat(50_000) + '第' + '一'.repeat(49_998) + '条',
];

/** Any value a cell can hand us. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'XxＸ年月日号〔〕[]【】0123456789一二三四五六七八九十〇零、，, \n\r\t\u3000√✓处元万第条·'), maxLength: 30 }),
  fc.constantFrom('2023年2月30日', 'XX年XX月XX月', '2023年8月', '8月11日-12日', '罚款XX元', '王X、李X', '第X条', '1处', '√', '√√', '王小明李小红', '\u0000\u0007\u001b', '\ud800'),
  fc.constantFrom(
    '罚款¥1,000.00',
    '罚款2000',
    '罚款：2万',
    '没收违法所得并处罚款2000元',
    '罚款2000元，逾期加处罚款3000元',
    '加处2500元罚款',
    '2023年11月8日（已缴纳罚款）',
    '2023年10月9日 22:30',
    '2023年10月9日晚上10点',
    '尚未结案',
    '当事人申请分期缴纳',
    '王明、李强（协管员）',
    '协管员 李强',
    '（协管员）',
    '鉴定期间2023年9月8日至9月22日（共15日）',
    '检测9月31日至2月30日',
    '移送公安机关，由公安机关予以行政拘留',
    '交政办发〔2022〕5号',
    '《交城县城乡环境卫生管理办法》第十条',
    '不再给予行政处罚',
    '\ue000、\ue000',
  ),
  fc.constantFrom('/', '／', '—', '-', '无', '不涉及', ' / ', '王　明、李　强', '李强、李强', '简易程序，当场收缴', '经批准延长30日', '未申请延长', '送检测期间15日', '5个工作日内提交方案，30日内整改完毕', '一个月内', '天综执罚决〔2023〕第024号', '（2033）1号'),
  fc.tuple(fc.constantFrom('2023年10月12日', '2024/1/31'), fc.nat({ max: 400 }), fc.constantFrom('', '至2023年12月30日', '16:00', '（星期四）')).map(([d, n, t]) => d + ' '.repeat(n) + t),
  fc.constantFrom(...HUGE),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, -1e308, 45149, 45149.5, 20230811, 36526, 73050, 73051),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(...ERRORS).map((error) => ({ error })),
);

const OPTS = { today: '2023-11-05' };

describe('parsers never throw and always answer (fast-check)', () => {
  test('parseDate', () => {
    fc.assert(
      fc.property(cellValue, fc.boolean(), (v, d1904) => {
        const r = parseDate(v, d1904);
        if (r.ok) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(typeof r.reason).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
  test('parseTimeOfDay, parseOutcome, lateFeeOver, splitTransfer, normativeBasis, openSign (issue 17)', () => {
    fc.assert(
      fc.property(cellValue, (v) => {
        const t = parseTimeOfDay(v);
        if (t !== null) expect(Number.isInteger(t) && t > 0 && t < 1440).toBe(true);
        const text = typeof v === 'string' ? v : String(v);
        const o = parseOutcome(text);
        expect(Number.isFinite(o.money) && o.money >= 0).toBe(true);
        for (const f of o.lateFees) expect(Number.isFinite(f)).toBe(true);
        const l = lateFeeOver(text);
        if (l) expect(l.fine > 0 && l.late > 0).toBe(true);
        expect(typeof splitTransfer(text).own).toBe('string');
        const n = normativeBasis(text);
        expect(n === null || typeof n === 'string').toBe(true);
        expect(typeof openSign(text)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
  test('inHolidayBreak answers for any day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        expect(typeof inHolidayBreak(d.toISOString().slice(0, 10))).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
  test('parsePersons, findAmounts, parseMark, parseCount', () => {
    fc.assert(
      fc.property(cellValue, (v) => {
        const text = typeof v === 'string' ? v : String(v);
        const p = parsePersons(text);
        expect(p.count).toBeGreaterThanOrEqual(p.names.length > p.auxiliary.length ? 1 : 0);
        for (const a of p.auxiliary) expect(p.names).toContain(a);
        for (const a of findAmounts(text)) expect(Number.isFinite(a.yuan)).toBe(true);
        expect(typeof parseMark(v).marked).toBe('boolean');
        const c = parseCount(v);
        if (c.ok) expect(Number.isInteger(c.value) && c.value >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checking never throws, for any cell values and row shapes', () => {
  test('official layout, arbitrary values in every field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(fc.dictionary(fc.constantFrom(...officialColumns('inspection').map((c) => c.key), 'decisionNo', 'closedOn', 'outcome', 'basis', 'category', 'measure', 'startedOn', 'term', 'party', 'receiptNo', 'filedOn', 'decidedOn', 'procedure', 'result', 'officers'), cellValue), { maxLength: 6 }),
        (kind, rows) => {
          const res = checkWorkbook([ledgerGrid(kind, rows)], OPTS);
          expect(res.ledgers).toHaveLength(1);
          for (const r of res.ledgers[0].records) {
            expect(['ok', 'invalid', 'pending']).toContain(r.status);
            expect(r.reportMonth === null || /^\d{4}-\d{2}$/.test(r.reportMonth)).toBe(true);
            expect(RECORD_SCHEMAS[kind].safeParse(r.fields).success).toBe(true);
            for (const i of r.issues) {
              expect(i.row).toBe(r.row);
              expect(i.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('arbitrary grids: ragged rows, odd origins, random merges', () => {
    const merge = fc.record({ top: fc.integer({ min: -2, max: 12 }), left: fc.integer({ min: -2, max: 12 }), bottom: fc.integer({ min: -2, max: 12 }), right: fc.integer({ min: -2, max: 12 }) });
    const header = fc.constantFrom<CellValue>('序号', '行政处罚决定书', '案由', '结案时间', '执法人员', '检查时间', '发现隐患数', '整改结果', '已完成', '未完成', '复检日期', '强制类别', '实施时间', '处罚依据', '立案时间', '决定时间', '适用程序', '解除时间', '报送要求：', null);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(header, cellValue), { maxLength: 16 }), { maxLength: 12 }),
        fc.array(merge, { maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (rows, merges, top, left) => {
          const g: SheetGrid = { name: 'x', top, left, rows, merges };
          detectLedger(g);
          checkWorkbook([g], OPTS);
          checkRowValues(rows.slice(0, 2), rows[2] ?? [], OPTS);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the incremental workbook check agrees with a check from scratch', () => {
  const NUMBERS = ['天综执罚决〔2023〕1号', '天综执罚决〔2023〕第1号', '天综执罚决（2023）2号', '天综执罚决〔2023〕3号', '/', ''];
  const row = (no: string) => ({ seq: 1, decisionNo: no, cause: '占道经营案', party: '李某', facts: '占道经营', closedOn: '2023年10月12日', outcome: '警告', basis: '《城市市容和环境卫生管理条例》第三十六条', officers: '王明、李强' });
  const op = fc.oneof(
    fc.record({ t: fc.constant('edit' as const), sheet: fc.nat({ max: 2 }), r: fc.nat({ max: 3 }), no: fc.constantFrom(...NUMBERS) }),
    fc.record({ t: fc.constant('move' as const), sheet: fc.nat({ max: 2 }), pos: fc.integer({ min: -1, max: 3 }) }),
    fc.record({ t: fc.constant('reset' as const), sheet: fc.nat({ max: 2 }) }),
  );
  test('after any sequence of edits, moves and re-reads', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...NUMBERS), { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 3 }), fc.array(op, { maxLength: 12 }), (sheets, ops) => {
        const grids = sheets.map((nos, i) => ledgerGrid('penalty', nos.map(row), `S${i}`));
        const positions = [0, 1, 2];
        const checker = new WorkbookChecker(OPTS);
        grids.forEach((g, i) => checker.setSheet(g.name, g, i));
        for (const o of ops) {
          const g = grids[o.sheet];
          if (o.t === 'edit') {
            const at = 3 + o.r;
            while (g.rows.length <= at) g.rows.push([]);
            g.rows[at] = ledgerGrid('penalty', [row(o.no)]).rows[3];
            checker.updateRows(g.name, [at + 1]);
          } else if (o.t === 'move') {
            positions[o.sheet] = o.pos;
            checker.setPosition(g.name, o.pos);
          } else {
            checker.setSheet(g.name, g, positions[o.sheet]);
          }
          checker.result(); // results in between, as the pane asks for them
        }
        const order = [0, 1, 2].sort((a, b) => positions[a] - positions[b] || a - b);
        const scratch = checkWorkbook(order.map((i) => grids[i]), OPTS);
        const view = (l: { layout: { sheet: string }; records: { row: number; status: string; issues: { message: string }[] }[] }) => [l.layout.sheet, l.records.map((r) => [r.row, r.status, r.issues.map((i) => i.message)])];
        expect(checker.result().ledgers.map(view)).toEqual(scratch.ledgers.map(view));
      }),
      { numRuns: 150 },
    );
  });
});
