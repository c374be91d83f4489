/*
 * Sample township packages for the county roll-up (npm run demo, test/rollup-*.test.ts): e-mails
 * made by our own `submit` code with a chosen Date, and a Word file typed by hand in the official
 * layout (written with docx's table API, not our writer, and without embedded data).
 * usage: node -r ts-node/register/transpile-only scripts/rollup-samples.ts OUTDIR
 */
import * as fs from 'fs';
import * as path from 'path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { Kind, officialColumns } from '../src/ledger/columns';
import { periodSchema } from '../src/ledger/options';
import { SubmissionPackage, prepareSubmission } from '../src/submission';
import { checkWorkbook } from '../src/validation/workbook';
import { GOOD, Row, ledgerGrid } from '../test/helpers/ledger';

export const CONTACT = { name: '张三', title: '综合执法队队员', phone: '13812345678' };

export interface Ledgers {
  penalty?: Row[];
  inspection?: Row[];
  coercion?: Row[];
}

const pen = (n: number, party: string, closedOn: string, outcome: string, extra: Row = {}): Row => ({ ...GOOD.penalty, seq: n, decisionNo: `综执罚决〔2023〕${n}号`, party, closedOn, outcome, ...extra });
const ins = (n: number, party: string, inspectedOn: string, extra: Row = {}): Row => ({ ...GOOD.inspection, seq: n, docNo: `综执检〔2023〕${n}号`, party, inspectedOn, recheckOn: '2023年10月20日', ...extra });
const NO_HAZARD: Row = { hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', rectifyOpen: '', recheckOn: '', rechecker: '' };

/** 天宁镇, October as first sent (3 penalties, 3 inspections of which 1 awaits recheck, 1 seizure closed). */
export const TIANNING_OCT: Ledgers = {
  penalty: [
    pen(11, '交城县某食品有限公司', '2023年10月12日', '警告，并处罚款5000元'),
    pen(12, '某副食门市部', '2023年10月20日', '没收违法所得1200元，并处罚款3000元', { receiptNo: '晋非税2023-0012346' }),
    pen(13, '某小吃店', '2023年10月25日', '不予行政处罚', { receiptNo: '' }),
  ],
  inspection: [
    ins(41, '某网吧', '2023年10月16日', NO_HAZARD),
    ins(42, '某餐馆', '2023年10月16日'),
    ins(43, '某超市', '2023年10月25日', { hazardCount: 2, measures: '30日内整改', rectifyDone: '', recheckOn: '', rechecker: '' }),
  ],
  coercion: [{ ...GOOD.coercion }],
};

/** The corrected resend adds a case closed on the 30th that was forgotten. */
export const TIANNING_OCT_CORRECTED: Ledgers = {
  ...TIANNING_OCT,
  penalty: [...TIANNING_OCT.penalty!, pen(14, '某洗煤厂', '2023年10月30日', '责令停产停业，并处罚款20000元', { receiptNo: '晋非税2023-0012399' })],
};

export const TIANNING_SEP: Ledgers = {
  penalty: [pen(8, '某建材店', '2023年9月14日', '罚款2000元')],
  inspection: [ins(30, '某药店', '2023年9月3日', NO_HAZARD)],
  coercion: [],
};

/** 西营镇: late, one penalty with an officer missing (sent with errors allowed). */
export const XIYING_OCT: Ledgers = {
  penalty: [pen(5, '某加油站', '2023年10月9日', '罚款伍仟元', { officers: '王五', receiptNo: '晋非税2023-0020001' })],
  inspection: [ins(21, '某烟花爆竹店', '2023年10月10日', NO_HAZARD), ins(22, '某加工厂', '2023年10月11日', { hazardCount: '1处', recheckOn: '2023年10月18日' })],
  coercion: [],
};

export interface Township {
  team: string;
  ledgers: Ledgers;
  period: string;
  /** When the e-mail was sent (its Date header). */
  sent: Date;
  today: string;
  allowErrors?: boolean;
}

/** A package as `taizhang submit` makes it: the Word file and the e-mail draft carrying it. */
export async function townshipPackage(t: Township): Promise<SubmissionPackage> {
  const grids = (['penalty', 'inspection', 'coercion'] as Kind[]).map((k) => ledgerGrid(k, t.ledgers[k] ?? [], `${k}`, t.team));
  const check = checkWorkbook(grids, { today: t.today });
  const r = await prepareSubmission(check, { period: periodSchema.parse(t.period), team: t.team, contact: CONTACT, today: t.today, now: t.sent, allowErrors: t.allowErrors });
  if (r.refused) throw new Error(`${t.team}: ${r.message}`);
  return r;
}

/** A sent e-mail as a mail client saves it: our draft without `X-Unsent` (it was sent). */
export function sentEml(p: SubmissionPackage): Uint8Array {
  return new TextEncoder().encode(p.eml.replace(/^X-Unsent: 1\r\n/m, ''));
}

type Cells = Record<string, string>;

/**
 * A Word file a clerk typed in the official layout: title paragraphs, tables, no embedded data.
 * `o.title` replaces the titles (`一、行政处罚案件台账`), `o.unit` the sign-off line.
 */
export async function handMadeDocx(team: string, span: string, tables: { kind: Kind; rows: Cells[] }[], o: { title?: (name: string) => string; unit?: string } = {}): Promise<Uint8Array> {
  const cell = (text: string, o: { rowSpan?: number; columnSpan?: number; bold?: boolean } = {}) =>
    new TableCell({ rowSpan: o.rowSpan, columnSpan: o.columnSpan, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: o.bold, font: '仿宋' })] })] });
  const children: (Paragraph | Table)[] = [];
  for (const t of tables) {
    const cols = officialColumns(t.kind);
    const name = { penalty: '行政处罚', inspection: '行政检查', coercion: '行政强制' }[t.kind];
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: o.title ? o.title(name) : `${team}${span}${name}案件台账`, bold: true, size: 32 })] }));
    const grouped = cols.some((c) => c.group);
    const head: TableRow[] = [];
    if (grouped) {
      const top: TableCell[] = [];
      cols.forEach((c, i) => {
        if (!c.group) top.push(cell(c.header, { rowSpan: 2, bold: true }));
        else if (cols[i - 1]?.group !== c.group) top.push(cell(c.group, { columnSpan: cols.filter((x) => x.group === c.group).length, bold: true }));
      });
      head.push(new TableRow({ tableHeader: true, children: top }), new TableRow({ tableHeader: true, children: cols.filter((c) => c.group).map((c) => cell(c.header, { bold: true })) }));
    } else head.push(new TableRow({ tableHeader: true, children: cols.map((c) => cell(c.header, { bold: true })) }));
    const body = t.rows.length
      ? t.rows.map((r) => new TableRow({ children: cols.map((c) => cell(r[c.key] ?? '')) }))
      : [new TableRow({ children: [cell(`本月无${name}案件`, { columnSpan: cols.length })] })];
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [...head, ...body] }));
    children.push(new Paragraph({ children: [] }));
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(o.unit ?? `报送单位（盖章）：${team}`)] }));
  return Packer.pack(new Document({ sections: [{ children }] }), 'uint8array');
}

/** 水峪贯镇's October, typed by hand: no penalty, two inspections (dates and names as clerks write them). */
export function shuiyuguanDocx(): Promise<Uint8Array> {
  return handMadeDocx('水峪贯镇综合行政执法队', '2023年10月1日--2023年10月31日', [
    { kind: 'penalty', rows: [] },
    {
      kind: 'inspection',
      rows: [
        { seq: '1', docNo: '水综执检〔2023〕7号', inspectedOn: '2023.10.8', inspectors: '刘一 陈二', party: '某农家乐', method: '现场检查', hazardCount: '0' },
        { seq: '2', docNo: '水综执检〔2023〕8号', inspectedOn: '2023年10月9日', inspectors: '刘一、陈二', party: '某采石场', method: '现场检查', hazardCount: '2', hazards: '未设置警示标志；消防通道堵塞', measures: '3日内整改', rectifyOwner: '孙某', rectifyDone: '√', recheckOn: '2023年10月12日', rechecker: '刘一、陈二' },
      ],
    },
    { kind: 'coercion', rows: [] },
  ]);
}

export const TOWNSHIP_LIST = ['天宁镇', '西营镇', '水峪贯镇', '会立乡'];

/** The demo's folder: 天宁镇 on time then corrected, 西营镇 late, 水峪贯镇 a loose hand-made file, 会立乡 missing; 天宁镇's September too. */
export async function sampleFolder(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const tz = (s: string) => new Date(s);
  const tn = '天宁镇综合行政执法队';
  const sep = await townshipPackage({ team: tn, ledgers: TIANNING_SEP, period: '2023-09', sent: tz('2023-09-30T16:40:00+08:00'), today: '2023-09-30' });
  const first = await townshipPackage({ team: tn, ledgers: TIANNING_OCT, period: '2023-10', sent: tz('2023-10-31T09:12:00+08:00'), today: '2023-10-31' });
  const corrected = await townshipPackage({ team: tn, ledgers: TIANNING_OCT_CORRECTED, period: '2023-10', sent: tz('2023-11-02T14:30:00+08:00'), today: '2023-11-02' });
  const xiying = await townshipPackage({ team: '西营镇综合行政执法队', ledgers: XIYING_OCT, period: '2023-10', sent: tz('2023-11-03T16:05:00+08:00'), today: '2023-11-03', allowErrors: true });
  return [
    { name: '9月/天宁镇9月台账.eml', bytes: sentEml(sep) },
    { name: '10月/天宁镇10月台账.eml', bytes: sentEml(first) },
    { name: '10月/天宁镇10月台账（更正）.eml', bytes: sentEml(corrected) },
    { name: '10月/西营镇.eml', bytes: sentEml(xiying) },
    { name: '10月/水峪贯镇10月份台账.docx', bytes: await shuiyuguanDocx() },
  ];
}

if (require.main === module) {
  (async () => {
    const out = process.argv[2];
    if (!out) throw new Error('usage: rollup-samples.ts OUTDIR');
    for (const f of await sampleFolder()) {
      fs.mkdirSync(path.join(out, path.dirname(f.name)), { recursive: true });
      fs.writeFileSync(path.join(out, f.name), f.bytes);
    }
    fs.writeFileSync(path.join(out, '..', '乡镇名单.txt'), TOWNSHIP_LIST.join('\n') + '\n');
  })().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
