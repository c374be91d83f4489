/* Asked before another file replaces one whose changes are not saved as a copy: the safe choice first (focused). */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useOpenFocus } from '../taskpane/hooks';

export interface LeaveDialogProps {
  open: boolean;
  /** The open file, and the one chosen. */
  current: string;
  next: string;
  saving: boolean;
  /** Why the last save failed, if it did. */
  error?: string | null;
  onStay: () => void;
  onSave: () => void;
  onDiscard: () => void;
}

export function LeaveDialog({ open, current, next, saving, error, onStay, onSave, onDiscard }: LeaveDialogProps): React.ReactElement {
  const stay = React.useRef<HTMLButtonElement>(null);
  useOpenFocus(open, stay);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onStay()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>「{current}」的改动还没有保存</DialogTitle>
          <DialogContent>
            页面上已在「{current}」的副本中填写了报送月份（或插入了台账表），还没有点“保存工作簿副本”。打开「{next}」会丢掉这些改动。
            {error && <p role="alert">{error}</p>}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={onStay} ref={stay}>
              不打开，留在这里
            </Button>
            <Button onClick={onSave} disabled={saving}>
              {saving ? '正在保存副本…' : '先保存副本，再打开'}
            </Button>
            <Button onClick={onDiscard}>不保存，打开新文件</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
