/*
 * Saving the package's files in WPS: downloads from a WPS task pane are unreliable, so the
 * clerk picks a folder (`Application.FileDialog(msoFileDialogFolderPicker)`) and the files are
 * written there with WPS's own file API (`FileSystem.writeAsBinaryString`, one character per
 * byte). A file of the same name is never overwritten (`名称（2）.docx`). Each file is checked
 * after writing (its size, where the host reports it); when the file API is missing or a file
 * did not arrive whole, the pane falls back to a browser download and says so.
 */
import { toBinary } from '../download/codec';
import type { Carried } from '../download/codec';
import { saveFile } from '../download/save';
import type { DeliveryResult } from '../excel/delivery';
import { EtApp, XL, etApp } from './et';

interface FileApi {
  writeAsBinaryString(path: string, data: string): boolean;
  Exists?(path: string): boolean;
  existsSync?(path: string): boolean;
  stat?(path: string): { size: number };
}

/** The folder the clerk picked, or null when cancelled. */
export function pickFolder(app: EtApp, initial?: string): string | null {
  const dialog = app.FileDialog(XL.folderPicker) as unknown as { Title: string; InitialFileName: string; Show(): number; SelectedItems: { Count: number; Item(i: number): string } };
  dialog.Title = '选择保存报送文件的文件夹';
  if (initial) dialog.InitialFileName = initial;
  if (dialog.Show() !== -1 || !dialog.SelectedItems.Count) return null;
  return String(dialog.SelectedItems.Item(1));
}

/** `folder/name`, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** A path in `folder` for `name` that holds no file yet. */
export function freePath(fs: FileApi, folder: string, name: string): string {
  const exists = (p: string) => !!(fs.Exists?.(p) ?? fs.existsSync?.(p));
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let p = joinPath(folder, name);
  for (let i = 2; exists(p); i++) p = joinPath(folder, `${base}（${i}）${ext}`);
  return p;
}

const quoted = (ns: string[]) => ns.map((n) => `“${n}”`).join('、');

function download(c: Carried, why: string): DeliveryResult {
  const f = c.files[c.primary];
  saveFile(f.name, f.type, f.bytes);
  return { route: 'download', delivered: [f.name], skipped: [], message: `${why}已改为浏览器下载${quoted([f.name])}；如果没有出现下载，请用命令行工具 taizhang submit 生成。` };
}

let lastFolder: string | undefined;

/** The pane's `deliver` in WPS: every file of the package into a folder the clerk picks. */
export async function deliverWps(c: Carried, _platform: string | null, app: EtApp | null = etApp()): Promise<DeliveryResult> {
  const fs = app?.FileSystem as unknown as FileApi | undefined;
  if (!app || !fs || typeof fs.writeAsBinaryString !== 'function' || typeof app.FileDialog !== 'function') return download(c, '这个版本的 WPS 不能直接写文件，');
  const folder = pickFolder(app, lastFolder);
  if (!folder) return { route: 'none', delivered: [], skipped: c.files.map((f) => f.name), message: '没有选择文件夹，文件没有保存。' };
  lastFolder = folder;
  const saved: string[] = [];
  for (const f of c.files) {
    const path = freePath(fs, folder, f.name);
    let ok = false;
    try {
      ok = fs.writeAsBinaryString(path, toBinary(f.bytes)) !== false;
      const size = fs.stat?.(path)?.size;
      if (typeof size === 'number' && size !== f.bytes.length) ok = false;
    } catch {
      ok = false;
    }
    if (!ok) return download(c, `${quoted([f.name])}没能写入“${folder}”，`);
    saved.push(path.slice(joinPath(folder, '').length));
  }
  return { route: 'download', delivered: c.files.map((f) => f.name), skipped: [], message: `已保存到“${folder}”：${quoted(saved)}。` };
}
