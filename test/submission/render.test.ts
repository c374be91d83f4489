/* The Word file in a second, independent program: LibreOffice renders it (scripts/render-docx.sh). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { prepareSubmission } from '../../src/submission';
import { CONTACT, TEAM, TODAY, period, sampleCheck } from './helpers-package';

const SCRIPT = path.join(__dirname, '../../scripts/render-docx.sh');
const HAVE = ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
if (!HAVE) console.warn('跳过 LibreOffice 渲染测试：未安装 soffice 或 poppler-utils（CI 的 .ci/run 会安装）');
const maybe = HAVE ? test : test.skip;

const text = (args: string[]) => spawnSync(args[0], args.slice(1), { encoding: 'utf8' }).stdout;

maybe('the sample package renders: A4 landscape, Chinese glyphs, every page numbered, nothing past the margins', async () => {
  const r = await prepareSubmission(await sampleCheck(), { period: period('2023-10'), team: TEAM, contact: CONTACT, today: TODAY, allowErrors: true });
  if (r.refused) throw new Error(r.message);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-render-'));
  const docx = path.join(dir, r.docxName);
  fs.writeFileSync(docx, r.docx);
  const out = path.join(dir, 'out');
  const run = spawnSync('bash', [SCRIPT, docx, out, '40'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const pdf = path.join(out, r.docxName.replace(/\.docx$/, '.pdf'));
  expect(fs.statSync(pdf).size).toBeGreaterThan(0);

  const info = text(['pdfinfo', pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
  expect(Math.round(w)).toBe(842);
  expect(Math.round(h)).toBe(595);
  expect(fs.readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f))).toHaveLength(pages);
  expect(text(['pdffonts', pdf])).toMatch(/WenQuanYi/);

  // Text per page (whitespace removed): each title on its own page, footers `第 N 页，共 M 页`.
  const perPage = text(['pdftotext', '-layout', pdf, '-']).split('\f').map((p) => p.replace(/\s+/g, ''));
  for (const kind of ['行政处罚', '行政检查', '行政强制']) expect(perPage.join('')).toContain(`${TEAM}2023年10月1日--2023年10月31日${kind}案件台账`);
  for (let i = 0; i < pages; i++) expect(perPage[i]).toContain(`第${i + 1}页，共${pages}页`);
  // The inspection header renders its group and both sub-headers.
  expect(perPage.join('')).toMatch(/整改结果.*已完成.*未完成/);

  // Every word lies inside the page with room to spare: no column ran off the edge.
  const boxes = text(['pdftotext', '-bbox', pdf, '-']);
  const xs = [...boxes.matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(xs.length).toBeGreaterThan(100);
  expect(Math.min(...xs.map((x) => x[0]))).toBeGreaterThanOrEqual(28);
  expect(Math.max(...xs.map((x) => x[1]))).toBeLessThanOrEqual(w - 28);
});
