import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { detectLedger, teamFromTitle } from '../../src/ledger/detect';
import { checkWorkbook } from '../../src/validation/workbook';
import { TODAY } from '../helpers/ledger';

const grid = (rows: CellValue[][], merges: SheetGrid['merges'] = [], name = 'S', top = 1, left = 1): SheetGrid => ({ name, top, left, rows, merges });
const check = (g: SheetGrid) => checkWorkbook([g], { today: TODAY }).ledgers;

const PENALTY_ROW = ['天综执罚决〔2023〕15号', '占道经营案', '李某', '当事人占道经营', '2023年10月12日', '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强'];

describe('headers are found by text, not position', () => {
  test('spaces, full-width characters, line breaks, notes and aliases', () => {
    const g = grid([
      ['某镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账'],
      ['编 号', '行政处罚\n决定书', '案　由', '当事人', '违法事实', '结案日期', '处罚结果', '法律依据（写到条款）', '执法人员\r\n(两人以上)', '票据号', '备注'],
      [1, ...PENALTY_ROW, '', ''],
    ]);
    const l = detectLedger(g)!;
    expect(l.kind).toBe('penalty');
    expect(l.columns).toEqual({ seq: 1, decisionNo: 2, cause: 3, party: 4, facts: 5, closedOn: 6, outcome: 7, basis: 8, officers: 9, receiptNo: 10, remarks: 11 });
    expect(l.missing).toEqual([]);
    expect(l.team).toBe('某镇综合行政执法队');
  });

  test('reordered and extra columns; a table not starting at A1', () => {
    const g = grid(
      [
        [null, null, '行政处罚案件台账'],
        [],
        [null, null, '执法人员', '结案时间', '立案时间', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '处罚情况', '处罚依据', '经办科室'],
        [null, null, '王明、李强', '2023年10月12日', '2023年9月1日', '天综执罚决〔2023〕15号', '占道经营案', '李某', '占道', '警告', '《条例》第三十六条', '执法队'],
      ],
      [],
      'S',
      5,
      2,
    );
    const l = detectLedger(g)!;
    expect(l.kind).toBe('penalty');
    expect(l.headerRow).toBe(7);
    expect(l.columns.officers).toBe(4);
    expect(l.columns.closedOn).toBe(5);
    // 立案时间 is read when present (case-dates-order); 经办科室 is kept and ignored.
    expect(l.columns.filedOn).toBe(6);
    expect(l.extras.map((e) => e.header)).toEqual(['经办科室']);
    const [res] = check(g);
    expect(res.records.map((r) => [r.row, r.reportMonth])).toEqual([[8, '2023-10']]);
    // The optional 罚没票据号 column is absent; no required column is.
    expect(l.missing).toEqual([]);
  });

  test('a missing required column is reported once, on the header row', () => {
    const g = grid([
      ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '执法人员'],
      [1, '天综执罚决〔2023〕15号', '占道经营案', '李某', '占道', '2023年10月12日', '警告', '王明、李强'],
    ]);
    const [res] = check(g);
    expect(res.layout.missing).toEqual(['basis']);
    expect(res.sheetIssues.map((i) => [i.rule, i.row, i.column])).toEqual([['required', 1, '处罚依据']]);
    expect(res.records[0].issues.filter((i) => i.rule === 'required')).toEqual([]);
  });
});

describe('the two-row inspection header with merged cells', () => {
  const header1 = ['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人', '整改结果', null, '复检日期', '复检人', '备注'];
  const header2 = [null, null, null, null, null, null, null, null, null, null, '已完成', '未完成', null, null, null];
  const merges = [
    { top: 1, left: 1, bottom: 1, right: 15 },
    { top: 2, left: 11, bottom: 2, right: 12 },
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
  ];
  const row = [1, '天综执检〔2023〕31号', '2023年10月9日', '张三、李四', '某厂', '现场检查', 1, '未设警示标牌', '3日内整改', '赵五', null, '√', '2023年10月11日', '张三、李四', ''];

  test('sub-columns 已完成/未完成 are mapped under 整改结果', () => {
    const g = grid([['xx综合行政执法队xx年xx月xx日--xx年xx月xx日行政检查案件台账'], header1, header2, row], merges);
    const l = detectLedger(g)!;
    expect(l.kind).toBe('inspection');
    expect([l.headerRow, l.headerRows, l.firstDataRow]).toEqual([2, 2, 4]);
    expect([l.columns.rectifyDone, l.columns.rectifyOpen, l.columns.recheckOn]).toEqual([11, 12, 13]);
    expect(l.team).toBeNull();
    const [res] = check(g);
    expect(res.records[0].issues.map((i) => i.rule)).toEqual(['rectify-open']);
  });

  test('also when the merged header cells repeat their text (as some readers report them)', () => {
    const repeated = header2.map((v, i) => v ?? header1[i] ?? '整改结果');
    const g = grid([header1, repeated, row], merges.map((m) => ({ ...m, top: m.top - 1, bottom: m.bottom - 1 })).filter((m) => m.top >= 1));
    const l = detectLedger(g)!;
    expect([l.headerRows, l.columns.rectifyDone, l.columns.rectifyOpen]).toEqual([2, 11, 12]);
  });

  test('also without merge information (custom functions, hosts without the merged-areas API)', () => {
    const l = detectLedger(grid([header1, header2, row]))!;
    expect([l.headerRows, l.columns.rectifyDone, l.columns.rectifyOpen, l.firstDataRow]).toEqual([2, 11, 12, 3]);
  });

  test('a single 整改结果 column with words instead of marks', () => {
    const single = header1.filter((_, i) => i !== 11);
    const r = row.filter((_, i) => i !== 11);
    r[10] = '未完成';
    const [res] = check(grid([single, r]));
    expect(res.layout.columns.rectifyResult).toBe(11);
    expect(res.records[0].issues.map((i) => i.rule)).toEqual(['rectify-open']);
  });
});

describe('which rows are records (spec §1.4)', () => {
  const header = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];
  const rec = (n: number, no: string): CellValue[] => [n, no, ...PENALTY_ROW.slice(1), '', ''];

  test('blank rows and 序号-only rows are skipped; a footnote is no case and does not end the table', () => {
    const g = grid([
      ['天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账'],
      header,
      rec(1, '天综执罚决〔2023〕1号'),
      [],
      [2],
      [null, null, null, null, null, null, null, null, null, null, '　'],
      rec(3, '天综执罚决〔2023〕3号'),
      ['报送要求：行政处罚案件以结案时间为标准报送。'],
      rec(4, '天综执罚决〔2023〕4号'),
    ]);
    const [res] = check(g);
    expect(res.layout.lastDataRow).toBe(9);
    expect(res.records.map((r) => r.row)).toEqual([3, 7, 9]);
    expect(res.sheetIssues).toEqual([]);
  });

  test('填表说明 and a merged note row neither end the table nor become cases', () => {
    const a = grid([header, rec(1, 'A〔2023〕1号'), ['填表说明：1.日期写到日'], rec(2, 'A〔2023〕2号')]);
    expect(check(a)[0].records.map((r) => r.row)).toEqual([2, 4]);
    const b = grid([header, rec(1, 'A〔2023〕1号'), ['注意各栏目不得为空'], rec(2, 'A〔2023〕2号')], [{ top: 3, left: 1, bottom: 3, right: 11 }]);
    expect(check(b)[0].records.map((r) => r.row)).toEqual([2, 4]);
    expect(check(b)[0].sheetIssues).toEqual([]);
  });

  test('the template pre-filled inspection rows (only 0 in 发现隐患数) are not records', () => {
    const h = ['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人', '已完成', '未完成', '复检日期', '复检人', '备注'];
    const g = grid([h, [null, null, null, null, null, null, 0], [3, null, null, null, null, null, 0]]);
    expect(check(g)[0].records).toEqual([]);
  });

  test('a vertically merged 执法人员 applies to every row of the merge', () => {
    const g = grid(
      [header, rec(1, 'A〔2023〕1号'), rec(2, 'A〔2023〕2号'), rec(3, 'A〔2023〕3号')].map((r, i) => (i >= 2 ? r.map((v, c) => (c === 8 ? null : v)) : r)),
      [{ top: 2, left: 9, bottom: 4, right: 9 }],
    );
    const [res] = check(g);
    expect(res.records.map((r) => r.fields.officers)).toEqual([['王明', '李强'], ['王明', '李强'], ['王明', '李强']]);
    expect(res.records.every((r) => r.status === 'ok')).toBe(true);
  });

  test('a formula error in a field is reported on that cell', () => {
    const r = rec(1, 'A〔2023〕1号');
    r[5] = { error: '#REF!' };
    const [res] = check(grid([header, r]));
    const issue = res.records[0].issues.find((i) => i.rule === 'cell-error')!;
    expect([issue.cell, issue.severity]).toEqual(['F2', 'error']);
    expect(issue.message).toContain('#REF!');
    expect(res.records[0].reportMonth).toBeNull();
  });
});

describe('sheets that are not ledgers', () => {
  test.each([
    ['a summary table that mentions 处罚 and 检查', [['2023年行政处罚、行政检查案件统计表'], ['月份', '行政处罚案件数', '行政检查案件数', '备注'], ['10月', 3, 5, '']]],
    ['a notes sheet', [['本工作簿为乡镇综合行政执法案件台账，每月1日前报送上月台账。']]],
    ['an empty sheet', []],
    ['a staff list with 执法人员 and 备注', [['序号', '执法人员', '执法证号', '备注'], [1, '王明', '14000001', '']]],
    ['a title that says 台账 over a table of something else', [['行政处罚案件台账（说明）'], ['项目', '内容'], ['结案时间', '以结案为准']]],
  ])('%s', (_name, rows) => {
    expect(detectLedger(grid(rows as CellValue[][]))).toBeNull();
  });
});

describe('team from the title', () => {
  test.each([
    ['天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账', '天宁镇综合行政执法队'],
    ['天宁镇综合行政执法队 2023年10月1日—2023年10月31日 行政检查案件台账', '天宁镇综合行政执法队'],
    ['西社镇综合行政执法队二〇二三年十月行政强制案件台账', '西社镇综合行政执法队'],
    ['夏家营镇综合行政执法队行政处罚案件台账', '夏家营镇综合行政执法队'],
    ['XX综合行政执法队x年x月x日--x年x月x日行政处罚案件台账', null],
    ['xx综合行政执法队xx年xx月xx日--xx年xx月xx日行政检查案件台账', null],
    ['２０２３年行政处罚案件台账', null],
  ])('%s → %p', (title, team) => {
    expect(teamFromTitle(title)).toBe(team);
  });
});
