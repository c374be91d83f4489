/** @jest-environment jsdom */
/*
 * File delivery: the route per platform (web download, browser page with the files in the
 * fragment, Office dialog fed by messageChild), the fragment codec on a real package, and
 * the download page itself in both modes.
 */
import './helpers';
import { Carried, EMBED, decodeCarried, encodeCarried, mimeBase64 } from '../../src/download/codec';
import { Capabilities, DIALOG_CHUNK, MAC_URL_LIMIT, PC_URL_LIMIT, deliverFiles, planDelivery } from '../../src/excel/delivery';
import { periodSchema } from '../../src/ledger/options';
import { prepareSubmission, SubmissionPackage } from '../../src/submission';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, TODAY, ledgerGrid } from '../helpers/ledger';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ALL: Capabilities = { browser: true, dialog: true };

let pkg: SubmissionPackage;
let carried: Carried;

beforeAll(async () => {
  const check = checkWorkbook([ledgerGrid('penalty', [GOOD.penalty], '行政处罚案件台账'), ledgerGrid('inspection', [GOOD.inspection], '行政检查案件台账')], { today: TODAY });
  const r = await prepareSubmission(check, {
    period: periodSchema.parse('2023-10'),
    team: '天宁镇综合行政执法队',
    contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' },
    today: TODAY,
  });
  if (r.refused) throw new Error(r.message);
  pkg = r;
  carried = {
    files: [
      { name: pkg.docxName, type: DOCX, bytes: pkg.docx },
      { name: pkg.emlName, type: 'message/rfc822', bytes: new TextEncoder().encode(pkg.eml) },
    ],
    primary: 0,
  };
});

/** A stand-in for the bits of Office.js that delivery.ts uses. */
function fakeOffice(sets: Record<string, string>) {
  const dialog = {
    handler: null as null | ((a: { message: string }) => void),
    sent: [] as string[],
    closed: false,
    addEventHandler(_t: unknown, h: (a: { message: string }) => void) {
      this.handler = h;
    },
    messageChild(m: string) {
      this.sent.push(m);
    },
    close() {
      this.closed = true;
    },
  };
  const office = {
    opened: [] as string[],
    dialogUrls: [] as string[],
    dialogFails: false,
    dialog,
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogParentMessageReceived: 'dialogParentMessageReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: { isSetSupported: (n: string, v: string) => sets[n] !== undefined && Number(v) <= Number(sets[n]) },
      ui: {
        openBrowserWindow: (url: string) => office.opened.push(url),
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          office.dialogUrls.push(url);
          cb(office.dialogFails ? { status: 'failed', error: { message: 'blocked' } } : { status: 'succeeded', value: dialog });
        },
      },
    },
  };
  (globalThis as { Office?: unknown }).Office = office;
  return office;
}

let clicked: { name: string; href: string }[];
beforeEach(() => {
  clicked = [];
  URL.createObjectURL = jest.fn(() => `blob:http://localhost/${clicked.length}`);
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as { Office?: unknown }).Office;
});

test('route per platform', () => {
  expect(planDelivery('OfficeOnline', 100_000, ALL)).toBe('download');
  expect(planDelivery(null, 10, ALL)).toBe('download');
  expect(planDelivery('Mac', 30_000, ALL)).toBe('browser');
  expect(planDelivery('Mac', MAC_URL_LIMIT + 1, ALL)).toBe('partial');
  expect(planDelivery('Mac', 30_000, { browser: false, dialog: true })).toBe('download');
  expect(planDelivery('PC', 1_500, ALL)).toBe('browser');
  expect(planDelivery('PC', PC_URL_LIMIT + 1, ALL)).toBe('dialog');
  expect(planDelivery('PC', 30_000, { browser: true, dialog: false })).toBe('download');
  expect(planDelivery('iOS', 30_000, ALL)).toBe('dialog');
});

test('the fragment carries the Word file once and gives back both files byte for byte', () => {
  const frag = encodeCarried(carried);
  expect(frag).toMatch(/^v=1&p=0&n0=/);
  expect(frag).toMatch(/&e1=0$/); // the .eml's attachment comes from file 0
  const naive = (pkg.docx.length + pkg.eml.length) * (4 / 3);
  expect(frag.length).toBeLessThan(naive * 0.75);
  expect(/^[A-Za-z0-9%=&._~-]+$/.test(frag)).toBe(true); // safe in a URL as is
  const back = decodeCarried('#' + frag);
  expect(back.primary).toBe(0);
  expect(back.files.map((f) => f.name)).toEqual([pkg.docxName, pkg.emlName]);
  expect(Buffer.from(back.files[0].bytes).equals(Buffer.from(pkg.docx))).toBe(true);
  expect(new TextDecoder().decode(back.files[1].bytes)).toBe(pkg.eml);
  expect(pkg.eml).toContain(mimeBase64(pkg.docx));
});

test('an .eml without the other file inside travels whole; bad fragments are refused', () => {
  const eml = new TextEncoder().encode('Subject: x\r\n\r\nhello');
  const frag = encodeCarried({ files: [{ name: 'a.eml', type: 'message/rfc822', bytes: eml }], primary: 0 });
  expect(frag).not.toContain('e0=');
  expect(new TextDecoder().decode(decodeCarried(frag).files[0].bytes)).toBe('Subject: x\r\n\r\nhello');
  expect(() => decodeCarried('v=2&d0=AA')).toThrow();
  expect(() => decodeCarried('v=1&d0=A*A')).toThrow();
  expect(() => decodeCarried('v=1')).toThrow();
  expect(() => decodeCarried(`v=1&n0=a&d0=${btoa(EMBED + EMBED)}&e0=0`)).toThrow();
});

test('Excel on the web: a blob download of the file the user clicked, with its Chinese name', async () => {
  fakeOffice({ OpenBrowserWindowApi: '1.1', DialogApi: '1.2' });
  const r = await deliverFiles({ ...carried, primary: 1 }, 'OfficeOnline');
  expect(r.route).toBe('download');
  expect(clicked).toEqual([{ name: pkg.emlName, href: expect.stringMatching(/^blob:/) }]);
  expect(r.message).toContain(pkg.emlName);
});

test('Mac: download.html opens in the browser with both files in the fragment', async () => {
  const office = fakeOffice({ OpenBrowserWindowApi: '1.1', DialogApi: '1.2' });
  const r = await deliverFiles(carried, 'Mac');
  expect(r.route).toBe('browser');
  expect(clicked).toEqual([]); // no download attempt in the pane
  expect(office.opened).toHaveLength(1);
  const url = new URL(office.opened[0]);
  expect(url.origin + url.pathname).toBe('http://localhost/download.html');
  const back = decodeCarried(url.hash);
  expect(back.files.map((f) => f.name)).toEqual([pkg.docxName, pkg.emlName]);
  expect(Buffer.from(back.files[0].bytes).equals(Buffer.from(pkg.docx))).toBe(true);
});

test('Mac, too long for the hand-off: the Word file alone, and the draft is explained', async () => {
  const office = fakeOffice({ OpenBrowserWindowApi: '1.1' });
  const docx = crypto.getRandomValues(new Uint8Array(30_000));
  const padding = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(30_000)).slice(0, 30_000)));
  const eml = new TextEncoder().encode(`X-Unsent: 1\r\n\r\n${padding}\r\n${mimeBase64(docx)}\r\n`);
  const big: Carried = { files: [{ name: 'a.docx', type: DOCX, bytes: docx }, { name: 'a.eml', type: 'message/rfc822', bytes: eml }], primary: 0 };
  expect(encodeCarried(big).length).toBeGreaterThan(MAC_URL_LIMIT);
  const r = await deliverFiles(big, 'Mac');
  expect(r).toMatchObject({ route: 'browser', delivered: ['a.docx'], skipped: ['a.eml'] });
  expect(decodeCarried(new URL(office.opened[0]).hash).files.map((f) => f.name)).toEqual(['a.docx']);
  expect(r.message).toContain('复制正文');

  const huge: Carried = { files: [{ name: 'b.docx', type: DOCX, bytes: crypto.getRandomValues(new Uint8Array(60_000)) }], primary: 0 };
  const none = await deliverFiles(huge, 'Mac');
  expect(none.route).toBe('none');
  expect(none.message).toContain('Excel 网页版');
});

test('Windows: download-dialog.html in an Office dialog, fed the fragment in chunks after it says ready', async () => {
  const office = fakeOffice({ OpenBrowserWindowApi: '1.1', DialogApi: '1.2' });
  const r = await deliverFiles(carried, 'PC');
  expect(r.route).toBe('dialog');
  expect(office.opened).toEqual([]); // too long for the Windows shell
  expect(office.dialogUrls).toEqual(['http://localhost/download-dialog.html']);
  expect(office.dialog.sent).toEqual([]);
  office.dialog.handler!({ message: 'ready' });
  const n = Math.ceil(encodeCarried(carried).length / DIALOG_CHUNK);
  expect(n).toBeGreaterThan(0);
  expect(office.dialog.sent).toHaveLength(n);
  const joined = office.dialog.sent.map((m, i) => m.slice(`${i}/${n}:`.length)).join('');
  expect(decodeCarried(joined).files[1].bytes.length).toBe(carried.files[1].bytes.length);
  office.dialog.handler!({ message: 'close' });
  expect(office.dialog.closed).toBe(true);
});

test('Windows, the dialog refused or DialogApi 1.2 missing: a download in the pane, with advice', async () => {
  const office = fakeOffice({ OpenBrowserWindowApi: '1.1', DialogApi: '1.2' });
  office.dialogFails = true;
  const r = await deliverFiles(carried, 'PC');
  expect(r.route).toBe('download');
  expect(clicked.map((c) => c.name)).toEqual([pkg.docxName]);
  fakeOffice({ OpenBrowserWindowApi: '1.1', DialogApi: '1.1' });
  const r2 = await deliverFiles(carried, 'PC');
  expect(r2.route).toBe('download');
  expect(r2.message).toContain('taizhang submit');
});

/** The download page's body, as in src/download/download.html. */
function pageBody(mode: 'browser' | 'dialog') {
  document.documentElement.dataset.mode = mode;
  document.body.innerHTML =
    '<p id="status"></p><div id="ready" hidden><ul id="files"></ul></div><button id="close" hidden></button>';
}

test('download page (browser): reads the fragment, forgets it, offers each file', () => {
  pageBody('browser');
  window.history.replaceState(null, '', `/download.html#${encodeCarried({ ...carried, primary: 1 })}`);
  jest.isolateModules(() => require('../../src/download/download'));
  expect(window.location.hash).toBe('');
  expect(window.location.pathname).toBe('/download.html');
  const buttons = [...document.querySelectorAll('#files button')] as HTMLButtonElement[];
  expect(buttons.map((b) => b.textContent)).toEqual(['保存邮件草稿', '保存 Word 台账']); // the one clicked in the pane first
  expect(document.getElementById('ready')!.hidden).toBe(false);
  buttons[1].click();
  expect(clicked).toEqual([{ name: pkg.docxName, href: expect.stringMatching(/^blob:/) }]);
});

test('download page (browser): no or broken fragment says what to do', () => {
  pageBody('browser');
  window.history.replaceState(null, '', '/download.html#v=1&d0=**');
  jest.isolateModules(() => require('../../src/download/download'));
  expect(document.getElementById('status')!.textContent).toContain('没有收到文件');
  expect(document.querySelectorAll('#files button')).toHaveLength(0);
});

test('download page (dialog): says ready, takes the chunks in any order', () => {
  pageBody('dialog');
  let onMessage: ((a: { message: string }) => void) | null = null;
  const parent: string[] = [];
  (globalThis as { Office?: unknown }).Office = {
    onReady: (cb: () => void) => cb(),
    EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
    context: {
      ui: {
        addHandlerAsync: (_t: unknown, h: (a: { message: string }) => void, done: () => void) => {
          onMessage = h;
          done();
        },
        messageParent: (m: string) => parent.push(m),
      },
    },
  };
  jest.isolateModules(() => require('../../src/download/download'));
  expect(parent).toEqual(['ready']);
  const payload = encodeCarried(carried);
  const size = Math.ceil(payload.length / 3);
  const chunks = [0, 1, 2].map((i) => `${i}/3:${payload.slice(i * size, (i + 1) * size)}`);
  onMessage!({ message: chunks[2] });
  onMessage!({ message: chunks[0] });
  expect(document.querySelectorAll('#files button')).toHaveLength(0);
  onMessage!({ message: chunks[1] });
  expect([...document.querySelectorAll('#files button')].map((b) => b.textContent)).toEqual(['保存 Word 台账', '保存邮件草稿']);
  (document.getElementById('close') as HTMLButtonElement).click();
  expect(parent).toEqual(['ready', 'close']);
});
