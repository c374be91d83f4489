/* The records our Word file carries as data: they round-trip, the file prints as before, and a file edited in Word afterwards is caught. */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { officialColumns } from '../../src/ledger/columns';
import { embeddedCap, readDocx } from '../../src/rollup/docx-read';
import { openDocx } from '../../src/rollup/input';
import { rollUp } from '../../src/rollup';
import { SubmissionPackage } from '../../src/submission';
import { documentXml, fontTableXml, skeletonDocument } from '../../src/submission/docx';
import { EMBEDDED_NAMESPACE, readEmbedded } from '../../src/submission/embedded';
import { TIANNING_OCT, townshipPackage } from '../../scripts/rollup-samples';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
let pkg: SubmissionPackage;

beforeAll(async () => {
  pkg = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: new Date('2023-10-31T09:12:00+08:00'), today: '2023-10-31' });
});

async function embeddedOf(bytes: Uint8Array) {
  return (await readDocx(await openDocx(bytes, 'x.docx'), 'x.docx')).embedded;
}

test('write → read gives back the records of every table, the pending rows, team, period and contact', async () => {
  const e = await embeddedOf(pkg.docx);
  expect(e?.ok).toBe(true);
  if (!e?.ok) return;
  expect(e.data.team).toBe('天宁镇综合行政执法队');
  expect(e.data.period).toEqual({ from: '2023-10', to: '2023-10' });
  expect(e.data.contact).toEqual({ name: '张三', title: '综合执法队队员', phone: '13812345678' });
  expect(e.data.generatedAt).toBe('2023-10-31T01:12:00.000Z');
  for (const s of pkg.sections) {
    const keys = officialColumns(s.kind).map((c) => c.key);
    const got = e.data.sections.find((x) => x.kind === s.kind)!;
    expect(got.title).toBe(s.title);
    expect(got.rows).toEqual(s.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r.cells[k] ?? '']))));
  }
  expect(e.data.sections.map((s) => s.rows.length)).toEqual([3, 2, 1]);
  expect(e.data.pending).toEqual(pkg.pending.map((p) => ({ kind: p.kind, state: p.state, text: p.text })));
});

test('text that XML cannot carry as is (controls, ]]>, <&>, lone surrogates) survives the trip', async () => {
  const odd = '某<公司>&"\'\u0001]]>\ud800尾\u2028';
  const p = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: { penalty: [{ ...TIANNING_OCT.penalty![0], remarks: odd }] }, period: '2023-10', sent: new Date('2023-10-31T09:12:00+08:00'), today: '2023-10-31' });
  const e = await embeddedOf(p.docx);
  expect(e?.ok && e.data.sections[0].rows[0].remarks).toBe(p.sections[0].rows[0].cells.remarks);
});

test('the file looks and prints exactly as before: every part but the package lists is the same as without the data', async () => {
  const with_ = await JSZip.loadAsync(pkg.docx);
  // The same document packed the way it was before the data was added.
  const e = await embeddedOf(pkg.docx);
  if (!e?.ok) throw new Error('no data');
  const d = { team: e.data.team, period: { from: '2023-10', to: '2023-10', months: ['2023-10'], firstDay: '2023-10-01', lastDay: '2023-10-31' }, sections: pkg.sections, counts: pkg.counts, pending: pkg.pending, contact: e.data.contact, today: e.data.today };
  const doc = skeletonDocument(d);
  const before = await JSZip.loadAsync(await Packer.pack(doc, 'uint8array', false, [
    { path: 'word/document.xml', data: documentXml(doc, d.sections) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]));
  const added = Object.keys(with_.files).filter((n) => !before.files[n]);
  expect(added.sort()).toEqual(['customXml/_rels/item1.xml.rels', 'customXml/item1.xml', 'customXml/itemProps1.xml']);
  for (const name of Object.keys(before.files)) {
    if (name === '[Content_Types].xml' || name === 'word/_rels/document.xml.rels' || name === 'docProps/core.xml') continue;
    expect([name, await with_.file(name)!.async('string')]).toEqual([name, await before.file(name)!.async('string')]);
  }
  // Only a relationship and a content type are added, both for the data part.
  const rels = await with_.file('word/_rels/document.xml.rels')!.async('string');
  expect(rels).toContain('Target="../customXml/item1.xml"');
  const types = await with_.file('[Content_Types].xml')!.async('string');
  expect(types).toContain('PartName="/customXml/itemProps1.xml"');
  expect(await with_.file('customXml/item1.xml')!.async('string')).toContain(`xmlns:tz="${EMBEDDED_NAMESPACE}"`);
});

test('data that is not ours is ignored; ours but broken or newer is reported, not trusted', () => {
  expect(readEmbedded('<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>')).toBeNull();
  expect(readEmbedded('not xml at all <')).toBeNull();
  expect(readEmbedded(`<tz:package xmlns:tz="${EMBEDDED_NAMESPACE}" tz:version="1">{broken</tz:package>`)).toEqual({ ok: false, reason: '内嵌数据已损坏' });
  expect(readEmbedded(`<tz:package xmlns:tz="${EMBEDDED_NAMESPACE}" tz:version="1">{"format":"taizhang-submission","version":1}</tz:package>`)).toMatchObject({ ok: false });
  expect(readEmbedded(`<tz:package xmlns:tz="${EMBEDDED_NAMESPACE}" tz:version="2">{}</tz:package>`)).toEqual({ ok: false, reason: '内嵌数据由较新版本的执法台账助手生成（第2版）' });
});

/** The docx with its document.xml changed as Word would save it after an edit. */
async function editInWord(bytes: Uint8Array, edit: (doc: Document) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = new DOMParser().parseFromString(await zip.file('word/document.xml')!.async('string'), 'application/xml') as unknown as Document;
  edit(doc);
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc as never));
  return zip.generateAsync({ type: 'uint8array' });
}

test('a row deleted in Word after the file was made: the tables win, with a warning naming the row', async () => {
  const edited = await editInWord(pkg.docx, (doc) => {
    const table = doc.getElementsByTagNameNS(W, 'tbl')[0];
    const rows = table.getElementsByTagNameNS(W, 'tr');
    // Header, then 交城县某食品有限公司, 某副食门市部, 某小吃店: delete 某副食门市部.
    table.removeChild(rows[2]);
  });
  const r = await rollUp([{ name: '天宁镇（改过）.docx', bytes: edited }], { period: '2023-10', today: '2023-11-06' });
  const t = r.current.townships[0];
  expect(t.figures.penalty.cases).toBe(2);
  expect(t.figures.penalty.amountYuan).toBe(5000);
  const w = t.issues.filter((i) => i.rule === 'embedded-mismatch');
  expect(w).toHaveLength(1);
  expect(w[0]).toMatchObject({ severity: 'warning', table: '行政处罚表', row: null, group: '文书' });
  expect(w[0].message).toContain('某副食门市部');
  expect(w[0].message).toContain('已按表格统计');
  expect(t.figures.issues.warning).toBe(1);
});

test('a cell changed in Word: that table row is named', async () => {
  const edited = await editInWord(pkg.docx, (doc) => {
    const ts = doc.getElementsByTagNameNS(W, 'tbl')[0].getElementsByTagNameNS(W, 't');
    for (let i = 0; i < ts.length; i++) if (ts[i].textContent === '警告，并处罚款5000元') ts[i].textContent = '警告，并处罚款500元';
  });
  const r = await rollUp([{ name: 'a.docx', bytes: edited }], { period: '2023-10', today: '2023-11-06' });
  const t = r.current.townships[0];
  expect(t.figures.penalty.amountYuan).toBe(500 + 4200);
  expect(t.issues.filter((i) => i.rule === 'embedded-mismatch').map((i) => i.row)).toEqual([2, null]);
});

test('the untouched file agrees with its data: no warning', async () => {
  const r = await rollUp([{ name: 'a.docx', bytes: pkg.docx }], { period: '2023-10', today: '2023-11-06' });
  expect(r.current.townships[0].issues).toEqual([]);
});

/** The docx with its embedded JSON changed (as a crafted or mixed-up file would carry). */
async function withData(bytes: Uint8Array, change: (data: Record<string, unknown>) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('customXml/item1.xml')!.async('string');
  const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement!;
  const data = JSON.parse(root.textContent!);
  change(data);
  const json = JSON.stringify(data).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
  zip.file('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<tz:package xmlns:tz="${EMBEDDED_NAMESPACE}" tz:version="1">${json}</tz:package>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

test('embedded data naming another team or period does not override the tables: the tables win, with a warning naming the disagreement', async () => {
  const other = await withData(pkg.docx, (d) => {
    d.team = '西营镇综合行政执法队';
    d.period = { from: '2023-09', to: '2023-09' };
  });
  const r = await rollUp([{ name: '天宁镇.docx', bytes: other }], { period: '2023-10', today: '2023-11-06', townships: ['天宁镇', '西营镇'] });
  const [tn, xy] = r.current.townships;
  expect([tn.team, tn.status, tn.figures.penalty.cases]).toEqual(['天宁镇', 'submitted', 3]);
  expect(xy.status).toBe('missing');
  const msgs = tn.issues.filter((i) => i.rule === 'embedded-mismatch').map((i) => i.message);
  expect(msgs).toEqual([
    '内嵌数据写的报送单位是“西营镇综合行政执法队”，Word 文件中写的是“天宁镇综合行政执法队”，二者不同，按 Word 文件中写的统计，请核实',
    '内嵌数据写的报送期间是2023年9月，Word 表格标题写的是2023年10月，二者不同，按表格标题统计，请核实',
  ]);
});

test('120,000 rows of embedded data that are not in the tables cost nothing: the part is read no further than the tables allow', async () => {
  const row = { ...pkg.sections[0].rows[0].cells };
  const huge = await withData(pkg.docx, (d) => {
    const sections = d.sections as { rows: unknown[] }[];
    sections[0].rows = Array.from({ length: 120_000 }, (_, i) => ({ decisionNo: `综执罚决〔2023〕${i}号`, party: `某公司${i}`, outcome: row.outcome, closedOn: row.closedOn }));
  });
  const zip = await JSZip.loadAsync(huge);
  const partSize = (await zip.file('customXml/item1.xml')!.async('uint8array')).length;
  const docSize = (await zip.file('word/document.xml')!.async('string')).length;
  expect(partSize).toBeGreaterThan(10 * 1024 * 1024);
  // Count what the reader takes out of the embedded part.
  const parts = await openDocx(huge, 'x.docx');
  let taken = 0;
  const counting = {
    names: parts.names,
    head: async (n: string, b: number) => {
      const t = await parts.head(n, b);
      if (n.startsWith('customXml/')) taken = Math.max(taken, b);
      return t;
    },
    text: async (n: string, cap?: number) => {
      if (n.startsWith('customXml/')) taken = Math.max(taken, cap ?? Infinity);
      return parts.text(n, cap);
    },
  };
  const content = await readDocx(counting, 'x.docx');
  expect(taken).toBeLessThanOrEqual(embeddedCap(docSize));
  expect(taken).toBeLessThan(partSize / 10);
  expect(content.embedded).toEqual({ ok: false, reason: '内嵌数据远多于 Word 表格中的内容（与表格不符），没有读取' });
  const r = await rollUp([{ name: 'a.docx', bytes: huge }], { period: '2023-10', today: '2023-11-06' });
  const t = r.current.townships[0];
  expect(t.figures.penalty.cases).toBe(3);
  expect(t.issues.map((i) => i.message)).toEqual(['内嵌数据远多于 Word 表格中的内容（与表格不符），没有读取，已按 Word 表格读取']);
});

test('data dozens of rows longer than its table (within the size bound) is one warning, not one per row', async () => {
  const row = { ...pkg.sections[0].rows[0].cells };
  const longer = await withData(pkg.docx, (d) => {
    const sections = d.sections as { rows: unknown[] }[];
    sections[0].rows = Array.from({ length: 40 }, (_, i) => ({ ...row, party: `某公司${i}` }));
  });
  const r = await rollUp([{ name: 'a.docx', bytes: longer }], { period: '2023-10', today: '2023-11-06' });
  const w = r.current.townships[0].issues.filter((i) => i.rule === 'embedded-mismatch');
  expect(w.map((i) => i.message)).toEqual(['文件生成时的内嵌数据有40行行政处罚案件，Word 表格中只有3行（生成后在 Word 中删改过，或内嵌数据不是这个文件的），已按表格统计，请核实']);
});
