/*
 * Getting the package's files onto the clerk's disk, per host (the only Office.js the task
 * pane's submission part uses). See docs/dev/task-pane.md, "File delivery".
 *
 * - Excel on the web: the pane runs in a real browser; a blob download just works.
 * - Mac: WKWebView ignores downloads (office-js#2700, #3385), so download.html, served by the
 *   add-in, opens in the default browser via openBrowserWindow with the files in the URL
 *   fragment (never sent to a server). macOS hands long URLs over; we stay under MAC_URL_LIMIT.
 * - Windows: the URL goes through the shell, which refuses URLs over 2,083 characters
 *   (INTERNET_MAX_URL_LENGTH; electron#9987), too short for any Word file. So download.html
 *   opens in an Office dialog (a WebView2 window, where downloads work: office-js#1793) and
 *   receives the files by messageChild (DialogApi 1.2), in chunks.
 * - Anything else, or when those APIs are missing: a blob download in the pane, with advice.
 */
import { Carried, encodeCarried } from '../download/codec';
import { saveFile } from '../download/save';

/** How the files got (or did not get) to the user. */
export type DeliveryRoute = 'download' | 'browser' | 'dialog' | 'none';
/** What a host should try: `partial` = a Mac whose URL is too long (the requested file alone, if that fits). */
export type DeliveryPlan = 'download' | 'browser' | 'dialog' | 'partial';

export interface DeliveryResult {
  route: DeliveryRoute;
  /** Names handed over. */
  delivered: string[];
  /** Names left out (too long for the browser hand-off). */
  skipped: string[];
  /** What happened and what to do next, Chinese. */
  message: string;
}

/** Longest URL handed to openBrowserWindow on Windows (the shell's limit is 2,083). */
export const PC_URL_LIMIT = 2000;
/** Longest URL handed to openBrowserWindow on a Mac (Safari keeps ~80,000 characters). */
export const MAC_URL_LIMIT = 64_000;
/** Characters per messageChild call. */
export const DIALOG_CHUNK = 30_000;

export interface Capabilities {
  browser: boolean;
  dialog: boolean;
}

export function urlLimit(platform: string | null): number {
  return platform === 'Mac' ? MAC_URL_LIMIT : PC_URL_LIMIT;
}

/** What a host tries for a hand-off URL of `urlLength` characters (pure). */
export function planDelivery(platform: string | null, urlLength: number, caps: Capabilities): DeliveryPlan {
  if (platform === null || platform === 'OfficeOnline') return 'download';
  if (caps.browser && urlLength <= urlLimit(platform)) return 'browser';
  if (platform === 'Mac') return caps.browser ? 'partial' : 'download'; // a Mac dialog is WKWebView too: no downloads there
  return caps.dialog ? 'dialog' : 'download';
}

function supported(set: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export function capabilities(): Capabilities {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  return {
    browser: typeof ui?.openBrowserWindow === 'function' && supported('OpenBrowserWindowApi', '1.1'),
    dialog: typeof ui?.displayDialogAsync === 'function' && supported('DialogApi', '1.2'),
  };
}

/** download.html next to the page the pane runs in (taskpane.html). */
export function downloadPageUrl(page = 'download.html', base = window.location.href): string {
  const u = new URL(page, base);
  u.hash = '';
  u.search = '';
  return u.toString();
}

const names = (c: Carried) => c.files.map((f) => f.name);
const quoted = (ns: string[]) => ns.map((n) => `“${n}”`).join('、');

function downloadHere(c: Carried, note = ''): DeliveryResult {
  const f = c.files[c.primary];
  saveFile(f.name, f.type, f.bytes);
  return {
    route: 'download',
    delivered: [f.name],
    skipped: [],
    message: `已开始下载${quoted([f.name])}，一般保存在“下载”文件夹。${note}`,
  };
}

/** Opens download.html in an Office dialog and sends it the fragment in chunks. */
function openDialog(payload: string): Promise<void> {
  const url = downloadPageUrl('download-dialog.html');
  const received = Office.EventType?.DialogMessageReceived ?? ('dialogMessageReceived' as unknown as Office.EventType);
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 40 }, (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(r.error?.message || 'dialog failed'));
        return;
      }
      const dialog = r.value;
      dialog.addEventHandler(received, (arg) => {
        const message = 'message' in arg ? arg.message : '';
        if (message === 'ready') {
          const n = Math.max(1, Math.ceil(payload.length / DIALOG_CHUNK));
          for (let i = 0; i < n; i++) dialog.messageChild(`${i}/${n}:${payload.slice(i * DIALOG_CHUNK, (i + 1) * DIALOG_CHUNK)}`);
        } else if (message === 'close') {
          dialog.close();
        }
      });
      resolve();
    });
  });
}

/**
 * Hands the files to the user on this host. `primary` is the file the user clicked;
 * the browser page and the dialog offer all files, the pane download only that one.
 */
export async function deliverFiles(c: Carried, platform: string | null, caps: Capabilities = capabilities()): Promise<DeliveryResult> {
  const payload = encodeCarried(c);
  const pageUrl = downloadPageUrl();
  const plan = planDelivery(platform, pageUrl.length + 1 + payload.length, caps);

  if (plan === 'download') {
    const desktop = platform !== null && platform !== 'OfficeOnline';
    return downloadHere(c, desktop ? '如果没有出现下载提示，请在 Excel 网页版中打开本工作簿再生成，或使用命令行工具 taizhang submit。' : '');
  }
  if (plan === 'browser') {
    Office.context.ui.openBrowserWindow(`${pageUrl}#${payload}`);
    return { route: 'browser', delivered: names(c), skipped: [], message: '已在浏览器中打开保存页面，请在浏览器中点“保存”按钮保存文件。' };
  }
  if (plan === 'dialog') {
    try {
      await openDialog(payload);
      return { route: 'dialog', delivered: names(c), skipped: [], message: '已打开“保存报送文件”窗口，请在窗口中点“保存”按钮，保存后关闭窗口。' };
    } catch {
      return downloadHere(c, '（保存窗口没有打开，改为直接下载。）');
    }
  }
  // Mac, too long for the browser hand-off: the requested file alone, if it fits.
  const only: Carried = { files: [c.files[c.primary]], primary: 0 };
  const onlyPayload = encodeCarried(only);
  if (c.files.length > 1 && pageUrl.length + 1 + onlyPayload.length <= urlLimit(platform)) {
    Office.context.ui.openBrowserWindow(`${pageUrl}#${onlyPayload}`);
    const skipped = names(c).filter((n) => n !== only.files[0].name);
    return {
      route: 'browser',
      delivered: names(only),
      skipped,
      message: `已在浏览器中打开${quoted(names(only))}的保存页面。${quoted(skipped)}太大，无法交给浏览器：请用“复制主题”“复制正文”在邮箱中新建邮件，并添加 Word 文件作为附件。`,
    };
  }
  return {
    route: 'none',
    delivered: [],
    skipped: names(c),
    message: '文件太大，Mac 版 Excel 无法把它交给浏览器。请在 Excel 网页版中打开本工作簿再生成，或使用命令行工具 taizhang submit。',
  };
}
