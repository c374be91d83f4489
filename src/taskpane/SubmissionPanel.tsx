/* The 月度报送 tab: the form → check → the refusal, or the Word file and the e-mail draft. */
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { LedgerService } from '../session/service';
import type { DeliveryResult } from '../excel/delivery';
import type { Carried } from '../download/codec';
import type { SubmissionOptions, SubmissionPackage, SubmissionPlan, SubmissionRefused, SubmissionResult } from '../submission';
import type { WorkbookCheck } from '../validation/check';
import { dueOf } from '../submission/period';
import { copyText } from './clipboard';
import { FieldErrors, FieldName, FormValues, ValidForm, initialValues, monthChoices, periodOf, settingsOf, withSettings } from './form';
import { errorText, sentence, useAction } from './hooks';
import type { SelectCell } from './IssueList';
import { FIELD_ORDER, FieldRefs, SubmissionForm } from './SubmissionForm';
import { ReadyView, RefusedView, resultSummary } from './SubmissionResult';
import { visuallyHidden } from './Note';

/** What the pane needs from src/submission, loaded only when the user prepares a package. */
export interface SubmissionApi {
  /** Decides the package (on the pane's thread, in slices). */
  planSubmission(check: WorkbookCheck, options: SubmissionOptions): Promise<SubmissionRefused | SubmissionPlan>;
  /** The Word file and the e-mail draft (in a Web Worker where the host can start one). */
  buildPackage(plan: SubmissionPlan): Promise<SubmissionPackage>;
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
  /** Increases with each 准备月度报送 from the ribbon: prepare at once with the saved values (0: none yet). */
  prepareRequest?: number;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EML_TYPE = 'message/rfc822';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, scrollMarginTop: tokens.spacingVerticalM },
  hidden: visuallyHidden,
});

type Outcome = { kind: 'busy'; step: string } | { kind: 'result'; result: SubmissionResult } | { kind: 'failed'; message: string } | null;
export type Status = { intent: 'success' | 'info' | 'warning' | 'error'; text: string };

export function SubmissionPanel({ service, titleTeam, onSelect, loadSubmission, deliver, prepareRequest = 0 }: SubmissionPanelProps): React.ReactElement {
  const s = useStyles();
  const today = service.today();
  const months = React.useMemo(() => monthChoices(today), [today]);
  const [values, setValues] = React.useState<FormValues>(() => initialValues(today, {}, titleTeam));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [settingsError, setSettingsError] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  /** What a screen reader hears when a result arrives (also the live region's text). */
  const [announced, setAnnounced] = React.useState('');
  const preparing = useAction();
  const saving = useAction();
  const touched = React.useRef(new Set<keyof FormValues>());
  const fields = React.useRef<FieldRefs>({});
  const resultRef = React.useRef<HTMLDivElement>(null);
  const focusResult = React.useRef(false);

  // The saved team, contact and recipients (checked with zod, loaded lazily) fill what the clerk has not typed.
  const saved = React.useMemo(() => service.loadSettings().catch(() => ({})), [service]);
  React.useEffect(() => {
    let alive = true;
    void saved.then((st) => alive && setValues((v) => withSettings(v, st, touched.current, today)));
    return () => {
      alive = false;
    };
  }, [saved, today]);

  // The team from the titles arrives with the first check: use it if the field is still empty.
  React.useEffect(() => {
    if (titleTeam) setValues((v) => (v.team ? v : { ...v, team: titleTeam }));
  }, [titleTeam]);

  const onChange = (name: keyof FormValues, value: string) => {
    touched.current.add(name);
    setValues((v) => ({ ...v, [name]: value }));
    const field: FieldName = name === 'from' || name === 'to' ? 'period' : name;
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const period = periodOf(values.from, values.to);
  const due = period ? dueOf(period, today) : null;

  /** Focuses the first field with an error (the clerk fixes it there). */
  const focusField = (errs: FieldErrors) => {
    const first = FIELD_ORDER.find((f) => errs[f]);
    const el = first ? fields.current[first] : null;
    requestAnimationFrame(() => {
      el?.scrollIntoView?.({ block: 'center' });
      el?.focus();
    });
  };

  const prepare = (allowErrors: boolean, form: FormValues = values) =>
    preparing.run(async () => {
      // A new attempt: the last result goes at once (its files would no longer match).
      setStatus(null);
      setAnnounced('');
      setOutcome({ kind: 'busy', step: '正在检查台账…' });
      try {
        const api = await loadSubmission();
        const checked = api.validateForm(form);
        if (!checked.ok) {
          setErrors(checked.errors);
          setOutcome(null);
          setAnnounced(`请先填写或改正：${FIELD_ORDER.map((f) => checked.errors[f]).filter(Boolean)[0] ?? ''}`);
          focusField(checked.errors);
          return;
        }
        setErrors({});
        setSettingsError(null);
        const remember = settingsOf(form);
        await service.saveSettings(remember).catch((e: unknown) => setSettingsError(errorText(e)));
        // The results are what the package needs: the marks of a big workbook are written meanwhile.
        const state = await service.checkAll({ resultsOnly: true });
        if (!state.check) throw new Error(state.error || '还没有读到工作簿，请点“重新检查”后再试。');
        const plan = await api.planSubmission(state.check, { ...checked.value, today, allowErrors });
        let result: SubmissionResult;
        if ('refused' in plan) result = plan;
        else {
          setOutcome({ kind: 'busy', step: '正在生成 Word 文件和邮件草稿…' });
          result = await api.buildPackage(plan);
          await service.saveSettings({ ...remember, lastPeriod: checked.value.period.to }).catch(() => undefined);
        }
        setOutcome({ kind: 'result', result });
        setAnnounced(resultSummary(result));
      } catch (e) {
        const message = `没有生成报送文件：${sentence(errorText(e))}。`;
        setOutcome({ kind: 'failed', message });
        setAnnounced(message);
      }
      focusResult.current = true;
    });

  // The result (or failure) is announced and focused once it is on screen.
  React.useEffect(() => {
    if (!focusResult.current || !outcome || outcome.kind === 'busy') return;
    focusResult.current = false;
    const el = resultRef.current?.querySelector<HTMLElement>('[data-result-focus]');
    el?.scrollIntoView?.({ block: 'start' });
    el?.focus();
  }, [outcome]);

  // 准备月度报送 from the ribbon: the saved values, then prepare at once (or show what is missing).
  const handled = React.useRef(0);
  React.useEffect(() => {
    if (!prepareRequest || prepareRequest === handled.current) return;
    handled.current = prepareRequest;
    void saved.then((st) => {
      const form = withSettings(initialValues(today, {}, titleTeam), st, new Set(), today);
      setValues(form);
      touched.current.clear();
      void prepare(false, form);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prepareRequest]);

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
      <SubmissionForm
        values={values}
        errors={errors}
        months={months}
        due={due}
        busy={preparing.busy}
        onChange={onChange}
        onSubmit={() => void prepare(false)}
        fields={fields}
        settingsIn={service.features?.().settingsIn}
      />
      <div className={s.hidden} aria-live="polite" aria-atomic="true">
        {announced}
      </div>
      <div ref={resultRef} className={s.result}>
        {outcome?.kind === 'busy' && <Spinner size="tiny" labelPosition="after" label={outcome.step} />}
        {settingsError && (
          <MessageBar intent="warning" layout="multiline" aria-labelledby={undefined}>
            <MessageBarBody>报送单位、联系人没能记在工作簿中（{sentence(settingsError)}），下次需要重新填写。</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline" aria-labelledby={undefined}>
            <MessageBarBody>
              <span data-result-focus tabIndex={-1}>
                {outcome.message}
              </span>
            </MessageBarBody>
          </MessageBar>
        )}
        {result?.refused && <RefusedView result={result} onSelect={onSelect} onAllowErrors={() => void prepare(true)} busy={preparing.busy} />}
        {pkg && <ReadyView pkg={pkg} onSelect={onSelect} onSave={(w) => void onSave(w)} onCopy={(w) => void onCopy(w)} saving={saving.busy} status={status} />}
      </div>
    </div>
  );
}
