/* The 月度报送 tab: period, team, contact and recipients → the Word file and the e-mail draft. */
import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LedgerService } from '../session/service';
import type { DeliveryResult } from '../excel/delivery';
import type { Carried } from '../download/codec';
import type { SubmissionOptions, SubmissionResult } from '../submission';
import type { WorkbookCheck } from '../validation/check';
import { dueOf } from '../submission/period';
import { copyText } from './clipboard';
import { FieldErrors, FieldName, FormValues, ValidForm, initialValues, monthChoices, monthLabel, periodOf, settingsOf, withSettings } from './form';
import { errorText, useAction, useDelayedFlag } from './hooks';
import type { SelectCell } from './IssueList';
import { DueBar, ReadyView, RefusedView } from './SubmissionResult';

/** What the pane needs from src/submission, loaded only when the user prepares a package. */
export interface SubmissionApi {
  prepareSubmission(check: WorkbookCheck, options: SubmissionOptions): Promise<SubmissionResult>;
  validateForm(v: FormValues): { ok: true; value: ValidForm } | { ok: false; errors: FieldErrors };
}

export type Deliver = (c: Carried, platform: string | null) => Promise<DeliveryResult>;

export interface SubmissionPanelProps {
  service: LedgerService;
  /** Team from the ledger titles (the form's default when none is saved). */
  titleTeam: string | null;
  onSelect: SelectCell;
  loadSubmission: () => Promise<SubmissionApi>;
  /** Hands files to the user (src/excel/delivery.ts; a fake in tests). */
  deliver: Deliver;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EML_TYPE = 'message/rfc822';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  period: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  month: { minWidth: 0, flexGrow: 1, flexBasis: 0 },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A native select (Fluent Select): small, keyboard- and touch-friendly. */
function MonthPicker({ label, value, months, onChange }: { label: string; value: string; months: string[]; onChange: (m: string) => void }) {
  const s = useStyles();
  return (
    <Select className={s.month} aria-label={label} value={value} onChange={(_, d) => onChange(d.value)}>
      {months.map((m) => (
        <option key={m} value={m}>
          {monthLabel(m)}
        </option>
      ))}
    </Select>
  );
}

type Outcome = { kind: 'result'; result: SubmissionResult } | { kind: 'failed'; message: string } | null;

export function SubmissionPanel({ service, titleTeam, onSelect, loadSubmission, deliver }: SubmissionPanelProps): React.ReactElement {
  const s = useStyles();
  const today = service.today();
  const months = React.useMemo(() => monthChoices(today), [today]);
  const [values, setValues] = React.useState<FormValues>(() => initialValues(today, {}, titleTeam));
  const touched = React.useRef(new Set<keyof FormValues>());
  // The saved team, contact and recipients (checked with zod, loaded lazily) fill what the clerk has not typed.
  React.useEffect(() => {
    let alive = true;
    service.loadSettings().then(
      (saved) => alive && setValues((v) => withSettings(v, saved, touched.current)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [service]);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [settingsError, setSettingsError] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const [status, setStatus] = React.useState<{ intent: 'success' | 'info' | 'warning' | 'error'; text: string } | null>(null);
  const preparing = useAction();
  const saving = useAction();
  const slow = useDelayedFlag(preparing.busy);
  const resultRef = React.useRef<HTMLDivElement>(null);

  // The team from the titles arrives with the first check: use it if the field is still empty.
  React.useEffect(() => {
    if (titleTeam) setValues((v) => (v.team ? v : { ...v, team: titleTeam }));
  }, [titleTeam]);

  const set = (name: keyof FormValues) => (_: unknown, d: { value: string }) => {
    touched.current.add(name);
    setValues((v) => ({ ...v, [name]: d.value }));
    const field: FieldName = name === 'from' || name === 'to' ? 'period' : name;
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const setMonth = (name: 'from' | 'to') => (m: string) => set(name)(null, { value: m });

  const period = periodOf(values.from, values.to);
  const due = period ? dueOf(period, today) : null;

  const prepare = (allowErrors: boolean) =>
    preparing.run(async () => {
      setStatus(null);
      try {
        const api = await loadSubmission();
        const checked = api.validateForm(values);
        if (!checked.ok) {
          setErrors(checked.errors);
          return;
        }
        setErrors({});
        setSettingsError(null);
        await service.saveSettings(settingsOf(values)).catch((e: unknown) => setSettingsError(errorText(e)));
        const state = await service.checkAll();
        if (!state.check) throw new Error(state.error || '还没有读到工作簿，请点“重新检查”后再试。');
        const result = await api.prepareSubmission(state.check, { ...checked.value, today, allowErrors });
        setOutcome({ kind: 'result', result });
      } catch (e) {
        setOutcome({ kind: 'failed', message: `没有生成报送文件：${errorText(e)}` });
      }
      requestAnimationFrame(() => resultRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }));
    });

  const result = outcome?.kind === 'result' ? outcome.result : null;
  const pkg = result && !result.refused ? result : null;

  const onSave = (which: 'docx' | 'eml') =>
    saving.run(async () => {
      if (!pkg) return;
      const files = [
        { name: pkg.docxName, type: DOCX_TYPE, bytes: pkg.docx },
        { name: pkg.emlName, type: EML_TYPE, bytes: new TextEncoder().encode(pkg.eml) },
      ];
      try {
        const r = await deliver({ files, primary: which === 'docx' ? 0 : 1 }, service.platform());
        setStatus({ intent: r.route === 'none' ? 'warning' : r.skipped.length ? 'warning' : 'info', text: r.message });
      } catch (e) {
        setStatus({ intent: 'error', text: `保存失败：${errorText(e)}` });
      }
    });

  const onCopy = async (which: 'subject' | 'body') => {
    if (!pkg) return;
    const ok = await copyText(which === 'subject' ? pkg.subject : pkg.body);
    const what = which === 'subject' ? '主题' : '正文';
    setStatus(ok ? { intent: 'success', text: `${what}已复制，可以粘贴到邮件中。` } : { intent: 'warning', text: `没能复制${what}，请在下面的正文框中选中后按 Ctrl+C 复制。` });
  };

  return (
    <div className={s.root}>
      <form
        className={s.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void prepare(false);
        }}
      >
        <Field label="报送期间" validationMessage={errors.period} hint="默认上个月；第一次报送可以选几个月">
          <div className={s.period}>
            <MonthPicker label="开始月份" value={values.from} months={months} onChange={setMonth('from')} />
            <span>到</span>
            <MonthPicker label="结束月份" value={values.to} months={months} onChange={setMonth('to')} />
          </div>
        </Field>
        {due && <DueBar due={due} />}
        <Field label="报送单位" required validationMessage={errors.team}>
          <Input value={values.team} onChange={set('team')} placeholder="如：天宁镇综合行政执法队" />
        </Field>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>联系人</legend>
          <Field label="姓名" required validationMessage={errors.name}>
            <Input value={values.name} onChange={set('name')} />
          </Field>
          <Field label="职务" required validationMessage={errors.title}>
            <Input value={values.title} onChange={set('title')} placeholder="如：综合执法队队员" />
          </Field>
          <Field label="电话" required validationMessage={errors.phone}>
            <Input value={values.phone} onChange={set('phone')} type="tel" placeholder="手机号或带区号的座机号" />
          </Field>
        </fieldset>
        <Field label="收件邮箱" required validationMessage={errors.recipients} hint="几个邮箱用逗号隔开">
          <Input value={values.recipients} onChange={set('recipients')} type="email" />
        </Field>
        <Caption1 className={s.muted}>报送单位、联系人和收件邮箱会记在本工作簿中，下次自动填好。</Caption1>
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={preparing.busy}>
            生成报送文件
          </Button>
          {slow && <Spinner size="tiny" label="正在检查台账、生成文件…" />}
        </div>
      </form>
      <div ref={resultRef}>
        {settingsError && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>报送单位、联系人没能记在工作簿中（{settingsError}），下次需要重新填写。</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
        {result?.refused && <RefusedView result={result} onSelect={onSelect} onAllowErrors={() => void prepare(true)} busy={preparing.busy} />}
        {pkg && <ReadyView pkg={pkg} onSelect={onSelect} onSave={(w) => void onSave(w)} onCopy={(w) => void onCopy(w)} saving={saving.busy} status={status} />}
      </div>
    </div>
  );
}
