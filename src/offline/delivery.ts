/* Files from the offline page: an ordinary browser download of the file the clerk asked for. */
import type { Carried } from '../download/codec';
import { saveFile } from '../download/save';
import type { DeliveryResult } from '../excel/delivery';

export async function deliverDownload(c: Carried): Promise<DeliveryResult> {
  const f = c.files[c.primary];
  saveFile(f.name, f.type, f.bytes);
  return { route: 'download', delivered: [f.name], skipped: [], message: `已开始下载“${f.name}”，一般保存在浏览器的“下载”文件夹。` };
}
