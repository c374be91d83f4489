/*
 * 自检: what a driver's self-test found on the clerk's own Excel, and the copyable Chinese
 * report the pane shows (pure).
 */

export type ProbeStatus = 'passed' | 'failed' | 'skipped';

export interface ProbeResult {
  /** Stable id (`cf-delete`, `events` …). */
  id: string;
  /** What was tried, in Chinese. */
  title: string;
  status: ProbeStatus;
  /** What happened, in Chinese (or why it was skipped). */
  detail: string;
  /** The host's error code when it failed. */
  code?: string;
}

export interface SelfTestReport {
  /** Local date and time, `YYYY-MM-DD HH:MM`. */
  at: string;
  host: string;
  platform: string | null;
  /** The Office version (`16.0.14332.20000`), or null. */
  version: string | null;
  /** The highest supported version of each requirement set asked about (`ExcelApi` → `1.14`), `null` when none. */
  sets: { name: string; version: string | null }[];
  probes: ProbeResult[];
  /** The temporary sheet the probes used (already deleted): its change events are not the clerk's. */
  scratchSheetId?: string;
}

const STATUS: Record<ProbeStatus, string> = { passed: '通过', failed: '失败', skipped: '跳过' };

export function selfTestPassed(r: SelfTestReport): boolean {
  return r.probes.every((p) => p.status !== 'failed');
}

/** The report as plain text, to copy into an e-mail or a chat. */
export function formatSelfTestReport(r: SelfTestReport): string {
  const failed = r.probes.filter((p) => p.status === 'failed').length;
  const lines = [
    '执法台账助手 自检报告',
    `时间：${r.at}`,
    `宿主：${r.host}；平台：${r.platform ?? '未知'}；Office 版本：${r.version ?? '未知'}`,
    `支持的要求集：${r.sets.map((s) => `${s.name} ${s.version ?? '不支持'}`).join('；')}`,
    `结果：${failed ? `${failed} 项失败` : '全部通过'}（共 ${r.probes.length} 项）`,
    '',
    ...r.probes.map((p) => `[${STATUS[p.status]}] ${p.title}：${p.detail}${p.code ? `（错误代码 ${p.code}）` : ''}`),
  ];
  return lines.join('\n');
}
