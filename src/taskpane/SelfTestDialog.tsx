/* 自检: runs the host probes and shows a report the clerk can copy and send to whoever installed the add-in. */
import * as React from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatSelfTestReport, selfTestPassed } from '../session/selftest';
import type { SelfTestReport } from '../session/selftest';
import { copyText } from './clipboard';
import { errorText } from './hooks';

export interface SelfTestDialogProps {
  open: boolean;
  onClose: () => void;
  run: () => Promise<SelfTestReport>;
}

type Step = { at: 'intro' } | { at: 'running' } | { at: 'done'; report: SelfTestReport; text: string } | { at: 'failed'; error: string };

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A plain read-only textarea (Fluent's Textarea would add 12 KB to the pane for one field).
  report: {
    boxSizing: 'border-box',
    width: '100%',
    minHeight: '16em',
    resize: 'vertical',
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function SelfTestDialog({ open, onClose, run }: SelfTestDialogProps): React.ReactElement {
  const s = useStyles();
  const [step, setStep] = React.useState<Step>({ at: 'intro' });
  const [copied, setCopied] = React.useState<boolean | null>(null);

  const start = () => {
    setStep({ at: 'running' });
    setCopied(null);
    run().then(
      (report) => setStep({ at: 'done', report, text: formatSelfTestReport(report) }),
      (e: unknown) => setStep({ at: 'failed', error: errorText(e) }),
    );
  };
  const close = () => {
    if (step.at === 'running') return;
    setStep({ at: 'intro' });
    onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>自检</DialogTitle>
          <DialogContent className={s.content}>
            {step.at === 'intro' && (
              <>
                <Body1>
                  自检会在本工作簿中临时建立一张隐藏工作表，试一试本加载项用到的 Excel 功能（标记用的条件格式、修改通知、撤销、合并单元格、工作表保护、保存设置、任务窗格的开关通知、对话框），几秒钟后删除这张表。您的台账不会被改动。
                </Body1>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    自检会清空 Excel 的“撤销”记录：删除临时工作表、试工作表保护是 Excel 不能撤销的操作，自检之后，之前的操作不能再用 Ctrl+Z 撤销。如果刚改过台账、还可能要撤销，请先处理好再自检。
                  </MessageBarBody>
                </MessageBar>
              </>
            )}
            {step.at === 'running' && <Spinner size="small" label="正在自检…" />}
            {step.at === 'failed' && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>自检没能完成：{step.error}</MessageBarBody>
              </MessageBar>
            )}
            {step.at === 'done' && (
              <>
                <MessageBar intent={selfTestPassed(step.report) ? 'success' : 'warning'} layout="multiline">
                  <MessageBarBody>
                    {selfTestPassed(step.report) ? '全部通过：这台电脑上的 Excel 支持本加载项用到的功能。' : '有项目没有通过。请点“复制报告”，把报告发给负责安装本加载项的信息化人员。'}
                  </MessageBarBody>
                </MessageBar>
                <textarea className={s.report} aria-label="自检报告" readOnly value={step.text} rows={12} />
                {copied === false && <Body1>没能复制：请在上面的报告中按 Ctrl+A（Mac 上按 Command+A）全选后复制。</Body1>}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {(step.at === 'intro' || step.at === 'failed') && (
              <Button appearance="primary" onClick={start}>
                开始自检
              </Button>
            )}
            {step.at === 'done' && (
              <Button appearance="primary" onClick={() => void copyText(step.text).then(setCopied)}>
                {copied ? '已复制' : '复制报告'}
              </Button>
            )}
            <Button onClick={close} disabled={step.at === 'running'}>
              关闭
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
