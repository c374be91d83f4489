/*
 * The task pane page's own ES5 script (src/taskpane/taskpane.html), run before the bundle: a
 * webview without WeakRef (Safari 14.0, Chromium before 84) gets the "too old" message at once,
 * never a blank pane; IE11 / Edge Legacy get theirs; a current webview is left to the bundle.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const HTML = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
const SCRIPT = [...HTML.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes('tzUnsupportedWebview'))!;

function run(ua: string, weakRef: boolean) {
  const root = { innerHTML: '<p id="fallback">正在加载执法台账助手…</p>' };
  const listeners: Record<string, () => void> = {};
  const window: Record<string, unknown> = { addEventListener: (t: string, f: () => void) => (listeners[t] = f) };
  if (weakRef) window.WeakRef = WeakRef;
  const context = { window, navigator: { userAgent: ua }, location: { href: 'https://oa.example.gov.cn/taizhang/taskpane.html?_host_Info=Excel' }, document: { getElementById: () => root }, decodeURI };
  vm.runInNewContext(SCRIPT, context);
  return { root, window, load: () => listeners.load?.() };
}

test('no WeakRef (Safari 14.0, Chromium 83): the message and the offline page at once, and the bundle is told to stay away', () => {
  const r = run('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', false);
  expect(r.root.innerHTML).toContain('系统自带的浏览器组件版本太旧');
  expect(r.root.innerHTML).toContain('https://oa.example.gov.cn/taizhang/offline/');
  expect(r.window.tzUnsupportedWebview).toBe(true);
});

test('a current webview: nothing changes until the page has loaded, and then only if the bundle never started', () => {
  const r = run('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', true);
  expect(r.root.innerHTML).toContain('正在加载');
  r.window.tzStarted = true;
  r.load();
  expect(r.root.innerHTML).toContain('正在加载');
});

test('Internet Explorer (Trident): the "this Excel is too old" page', () => {
  const r = run('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', false);
  expect(r.root.innerHTML).toContain('这个 Excel 版本太旧');
});
