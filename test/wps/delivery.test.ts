/**
 * @jest-environment jsdom
 */
/* Saving the package in WPS: into a folder the clerk picks, through WPS's file API; never over an existing file; a browser download where the API is missing. */
import { deliverWps, freePath, joinPath } from '../../src/wps/delivery';
import type { EtApp } from '../../src/wps/et';
import { FakeWorkbook } from '../fake-excel';
import { FakeEtApp } from '../fake-wps';

const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 128, 10, 13]);
const eml = Uint8Array.from(Buffer.from('X-Unsent: 1\r\n\r\n正文', 'utf8'));
const files = { files: [{ name: '天宁镇2023年10月台账.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: docx }, { name: '天宁镇2023年10月台账报备.eml', type: 'message/rfc822', bytes: eml }], primary: 0 };
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

test('both files go into the folder the clerk picked, byte for byte', async () => {
  const app = new FakeEtApp(new FakeWorkbook(), { folder: '/home/clerk/报送' });
  const r = await deliverWps(files, 'WPS', app as unknown as EtApp);
  expect(r.route).toBe('download');
  expect(r.message).toContain('/home/clerk/报送');
  expect(bytesOf(app.files.get('/home/clerk/报送/天宁镇2023年10月台账.docx')!)).toEqual(docx);
  expect(bytesOf(app.files.get('/home/clerk/报送/天宁镇2023年10月台账报备.eml')!)).toEqual(eml);
  // Again: the first files stay, the new ones get （2）.
  const again = await deliverWps(files, 'WPS', app as unknown as EtApp);
  expect(again.message).toContain('天宁镇2023年10月台账（2）.docx');
  expect([...app.files.keys()].sort()).toEqual(['/home/clerk/报送/天宁镇2023年10月台账.docx', '/home/clerk/报送/天宁镇2023年10月台账报备.eml', '/home/clerk/报送/天宁镇2023年10月台账报备（2）.eml', '/home/clerk/报送/天宁镇2023年10月台账（2）.docx'].sort());
});

test('cancelling the folder dialog saves nothing and says so', async () => {
  const app = new FakeEtApp(new FakeWorkbook(), { folder: null });
  const r = await deliverWps(files, 'WPS', app as unknown as EtApp);
  expect(r).toEqual({ route: 'none', delivered: [], skipped: files.files.map((f) => f.name), message: '没有选择文件夹，文件没有保存。' });
  expect(app.files.size).toBe(0);
});

test('a file that did not arrive whole, or a WPS without the file API, falls back to a browser download', async () => {
  const created: Blob[] = [];
  (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => (created.push(b), 'blob:x');
  (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  // The fake refuses a relative path (as a write that fails).
  const app = new FakeEtApp(new FakeWorkbook(), { folder: 'relative\\folder' });
  const r = await deliverWps(files, 'WPS', app as unknown as EtApp);
  expect(r.message).toContain('没能写入');
  expect(r.message).toContain('浏览器下载');
  expect(created).toHaveLength(1);
  const none = await deliverWps(files, 'WPS', {} as EtApp);
  expect(none.message).toContain('不能直接写文件');
  expect(created).toHaveLength(2);
});

test('paths use the folder’s own separator', () => {
  expect(joinPath('C:\\Users\\clerk\\报送', 'a.docx')).toBe('C:\\Users\\clerk\\报送\\a.docx');
  expect(joinPath('/home/clerk/', 'a.docx')).toBe('/home/clerk/a.docx');
  expect(freePath({ writeAsBinaryString: () => true, Exists: (p) => p === '/d/a.docx' }, '/d', 'a.docx')).toBe('/d/a（2）.docx');
});
