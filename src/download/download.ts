/*
 * download.html / download-dialog.html: offers the files the task pane handed over, as blob
 * downloads. Browser mode reads them from the URL fragment (never sent to a server) and drops
 * the fragment from the address bar and history; dialog mode (Windows) receives the same
 * fragment from the pane by messageChild. No network request, nothing stored.
 */
import { Carried, CarriedFile, decodeCarried } from './codec';
import { saveFile } from './save';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function size(n: number): string {
  return n < 1024 ? `${n} 字节` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

function label(f: CarriedFile): string {
  if (/\.docx$/i.test(f.name)) return '保存 Word 台账';
  if (/\.eml$/i.test(f.name)) return '保存邮件草稿';
  return '保存文件';
}

function show(c: Carried): void {
  const list = $('files');
  list.textContent = '';
  const order = [c.files[c.primary], ...c.files.filter((_, i) => i !== c.primary)];
  for (const f of order) {
    const li = document.createElement('li');
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = f.name;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = size(f.bytes.length);
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = label(f);
    if (f === order[0]) btn.className = 'primary';
    btn.addEventListener('click', () => {
      saveFile(f.name, f.type, f.bytes);
      btn.textContent = `${label(f)}（已开始下载，可再次点击）`;
    });
    li.append(name, meta, btn);
    list.appendChild(li);
  }
  $('status').textContent = '请点下面的按钮保存文件。文件一般保存在“下载”文件夹。';
  $('ready').hidden = false;
}

function fail(): void {
  $('status').textContent = '没有收到文件。请回到 Excel，在“月度报送”中重新点“保存”按钮。';
}

function browserMode(): void {
  const hash = location.hash;
  // Keep the files out of the address bar and the history.
  if (hash) history.replaceState(null, '', location.pathname + location.search);
  try {
    if (!hash) throw new Error('no files');
    show(decodeCarried(hash));
  } catch {
    fail();
  }
}

function dialogMode(): void {
  const parts: string[] = [];
  let expected = 0;
  const onMessage = (arg: { message?: string }) => {
    const m = /^(\d+)\/(\d+):/.exec(arg.message ?? '');
    if (!m) return;
    expected = Number(m[2]);
    parts[Number(m[1])] = (arg.message ?? '').slice(m[0].length);
    if (parts.filter((p) => p !== undefined).length !== expected) return;
    try {
      show(decodeCarried(parts.join('')));
    } catch {
      fail();
    }
  };
  Office.onReady(() => {
    const close = $('close');
    close.hidden = false;
    close.addEventListener('click', () => Office.context.ui.messageParent('close'));
    Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, onMessage as (a: unknown) => void, () =>
      Office.context.ui.messageParent('ready'),
    );
  });
}

if (document.documentElement.dataset.mode === 'dialog') dialogMode();
else browserMode();
