/* The 月度报送 form: period (two month dropdowns), team, contact, recipients. */
import * as React from 'react';
import { Button, Caption1, Field, Input, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Due } from '../submission';
import { FieldErrors, FieldName, FormValues, monthLabel } from './form';
import { DueBar } from './SubmissionResult';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  period: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  month: { minWidth: 0, flexGrow: 1, flexBasis: 0 },
  to: { paddingBottom: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The controls by field, to focus the first one with an error. */
export type FieldRefs = Partial<Record<FieldName, HTMLElement | null>>;

export interface SubmissionFormProps {
  values: FormValues;
  errors: FieldErrors;
  months: string[];
  due: Due | null;
  busy: boolean;
  /** A field changed (`from`/`to` for the period). */
  onChange: (name: keyof FormValues, value: string) => void;
  onSubmit: () => void;
  fields: React.MutableRefObject<FieldRefs>;
  /** Where the values are remembered (the offline page: this browser). */
  settingsIn?: 'workbook' | 'browser';
}

/** The months of a month dropdown, as `2023年10月`. */
export function MonthOptions({ months }: { months: string[] }): React.ReactElement {
  return (
    <>
      {months.map((m) => (
        <option key={m} value={m}>
          {monthLabel(m)}
        </option>
      ))}
    </>
  );
}

export function SubmissionForm({ values, errors, months, due, busy, onChange, onSubmit, fields, settingsIn = 'workbook' }: SubmissionFormProps): React.ReactElement {
  const s = useStyles();
  const periodError = useId('tz-period-error');
  const periodHint = useId('tz-period-hint');
  const set = (name: keyof FormValues) => (_: unknown, d: { value: string }) => onChange(name, d.value);
  const ref = (name: FieldName) => (el: HTMLElement | null) => {
    fields.current[name] = el;
  };
  const month = (name: 'from' | 'to', label: string) => (
    <Field label={label} className={s.month} size="small">
      <Select
        value={values[name]}
        onChange={set(name)}
        aria-invalid={!!errors.period}
        aria-describedby={errors.period ? periodError : periodHint}
        ref={name === 'from' ? ref('period') : undefined}
      >
        <MonthOptions months={months} />
      </Select>
    </Field>
  );
  return (
    <form
      className={s.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>报送期间</legend>
        <div className={s.period}>
          {month('from', '开始月份')}
          <span className={s.to} aria-hidden="true">
            到
          </span>
          {month('to', '结束月份')}
        </div>
        {errors.period ? (
          <div id={periodError} className={s.error} role="alert">
            {errors.period}
          </div>
        ) : (
          <div id={periodHint} className={s.hint}>
            默认是该报的月份（上个月）；第一次报送可以选几个月
          </div>
        )}
      </fieldset>
      {due && <DueBar due={due} />}
      <Field label="报送单位" required validationMessage={errors.team}>
        <Input ref={ref('team')} value={values.team} onChange={set('team')} placeholder="如：天宁镇综合行政执法队" />
      </Field>
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>联系人</legend>
        <Field label="姓名" required validationMessage={errors.name}>
          <Input ref={ref('name')} value={values.name} onChange={set('name')} />
        </Field>
        <Field label="职务" required validationMessage={errors.title}>
          <Input ref={ref('title')} value={values.title} onChange={set('title')} placeholder="如：综合执法队队员" />
        </Field>
        <Field label="电话" required validationMessage={errors.phone}>
          <Input ref={ref('phone')} value={values.phone} onChange={set('phone')} type="tel" placeholder="手机号或带区号的座机号" />
        </Field>
      </fieldset>
      <Field label="收件邮箱" required validationMessage={errors.recipients} hint="几个邮箱用逗号隔开">
        <Input ref={ref('recipients')} value={values.recipients} onChange={set('recipients')} type="email" />
      </Field>
      <Caption1 className={s.muted}>报送单位、联系人和收件邮箱会记在{settingsIn === 'browser' ? '这台电脑的浏览器中（换电脑或清除浏览器数据后需要重新填写）' : '本工作簿中'}，下次自动填好。</Caption1>
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          生成报送文件
        </Button>
      </div>
    </form>
  );
}

/** The order in which fields are focused when several have errors. */
export const FIELD_ORDER: FieldName[] = ['period', 'team', 'name', 'title', 'phone', 'recipients'];
