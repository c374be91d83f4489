/*
 * 节假日安排: the years whose holidays the checks and TZ functions know, and a dialog to add a
 * year's arrangement (a JSON text, typed, pasted or read from a file the county sent) without a
 * software update. Checked with zod (holiday-settings.ts, loaded only when saving).
 */
import * as React from 'react';
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, tokens } from '@fluentui/react-components';
import { addedArrangements, scheduleYears, yearsText } from '../ledger/workdays';
import type { YearArrangement } from '../ledger/holiday-file';
import { HolidayStorage, storedHolidayText } from './holiday-start';

const EXAMPLE = `{
  "年份": 2026,
  "依据": "国务院办公厅关于2026年部分节假日安排的通知",
  "假期": [
    { "名称": "元旦", "放假": "2026-01-01", "至": "2026-01-03", "上班": ["2026-01-04"] },
    { "名称": "春节", "放假": "2026-02-15", "至": "2026-02-23", "上班": ["2026-02-14", "2026-02-28"] }
  ]
}`;

const useStyles = makeStyles({
  text: {
    width: '100%',
    boxSizing: 'border-box',
    minHeight: '160px',
    resize: 'vertical',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  example: { margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, fontSize: tokens.fontSizeBase100, overflowX: 'auto', whiteSpace: 'pre' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  hidden: { display: 'none' },
});

/** `节假日和调休安排收录 2004–2026 年（2027 年为添加的安排）`. */
export function coverageText(): string {
  const added = addedArrangements().map((a) => a.year);
  return `节假日和调休安排收录 ${yearsText(scheduleYears())} 年${added.length ? `（其中 ${yearsText(added)} 年为在本机添加的安排）` : ''}`;
}

export interface HolidayDialogProps {
  open: boolean;
  storage: HolidayStorage;
  onClose: () => void;
  /** After a save or a removal (the years now added). */
  onChanged: (years: YearArrangement[]) => void;
}

export function HolidayDialog({ open, storage, onClose, onChanged }: HolidayDialogProps): React.ReactElement {
  const s = useStyles();
  const [text, setText] = React.useState('');
  const [problems, setProblems] = React.useState<string[]>([]);
  const [busy, setBusy] = React.useState(false);
  const file = React.useRef<HTMLInputElement>(null);
  const stored = open ? storedHolidayText(storage) : null;
  React.useEffect(() => {
    if (!open) return;
    setText(storedHolidayText(storage) ?? '');
    setProblems([]);
  }, [open, storage]);

  const save = async () => {
    setBusy(true);
    try {
      const m = await import(/* webpackChunkName: "settings" */ './holiday-settings');
      const r = m.saveHolidayText(storage, text);
      if (!r.ok) {
        setProblems(r.problems);
        return;
      }
      onChanged(r.years);
    } catch (e) {
      setProblems([`没能保存：${e instanceof Error ? e.message : String(e)}`]);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const m = await import(/* webpackChunkName: "settings" */ './holiday-settings');
    m.removeHolidayText(storage);
    onChanged([]);
  };

  const readFile = async (f: File | undefined) => {
    if (file.current) file.current.value = '';
    if (!f) return;
    try {
      setText(await f.text());
      setProblems([]);
    } catch {
      setProblems([`读不了「${f.name}」：请确认文件还在、没有被别的程序占用，再重新选择。`]);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>添加节假日安排</DialogTitle>
          <DialogContent className={s.body}>
            <Caption1>
              国务院办公厅每年年底公布下一年的放假和调休安排。把它按下面的格式写好（或选择县里下发的 .json 文件），保存后，本机的检查、期限和 TZ 函数都按它计算，不用更新软件。几年的安排写成列表
              [ {'{…}'}, {'{…}'} ]。保存的内容替换以前添加的全部安排。
            </Caption1>
            <pre className={s.example} aria-label="格式示例">
              {EXAMPLE}
            </pre>
            <Field label="安排（JSON 文字）" validationState={problems.length ? 'error' : 'none'}>
              {(field) => <textarea {...field} className={s.text} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />}
            </Field>
            {problems.length > 0 && (
              <ul className={s.problems} role="alert" aria-label="安排中的问题">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <div>
              <Button size="small" onClick={() => file.current?.click()}>
                从文件读取…
              </Button>
              <input ref={file} className={s.hidden} type="file" accept=".json,.txt,application/json,text/plain" aria-label="选择节假日安排文件" onChange={(e) => void readFile(e.target.files?.[0])} />
            </div>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => void save()} disabled={busy || !text.trim()}>
              保存
            </Button>
            <Button onClick={onClose}>取消</Button>
            {stored && <Button onClick={() => void remove()}>删除添加的安排</Button>}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
