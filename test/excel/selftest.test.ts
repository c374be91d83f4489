/*
 * 自检 against the fake Excel (under each host profile with `npm run test:hosts`): every probe
 * passes or is skipped for a reason; the clerk's workbook is exactly as before; the report is
 * copyable Chinese text.
 */
import { formatSelfTestReport, selfTestPassed } from '../../src/session/selftest';
import { isMarkFormula } from '../../src/session/marks';
import { fixtureWorkbook, setup, teardown } from './helpers';

afterEach(teardown);

test('every probe passes on the fake; the temporary sheet, its events and the settings probe leave no trace', async () => {
  const wb = await fixtureWorkbook();
  const s = setup(wb);
  await s.service.checkAll();
  await s.service.startLive();
  const values = wb.valueSnapshot();
  const formats = wb.formatSnapshot();
  const names = wb.sheets.map((x) => x.name);
  const settings = JSON.stringify(wb.savedSettings);
  s.logs.length = 0;

  const report = await s.service.selfTest!();
  await s.service.idle();

  expect(report.probes.filter((p) => p.status === 'failed')).toEqual([]);
  expect(selfTestPassed(report)).toBe(true);
  expect(report.probes.map((p) => p.id)).toEqual(['sheet', 'cf-delete', 'events', 'merged', 'protection', 'undo', 'cleanup', 'settings', 'visibility', 'dialog', 'browser']);
  const byId = Object.fromEntries(report.probes.map((p) => [p.id, p]));
  expect(byId['cf-delete'].detail).toMatch(/^剩下 1 条（乙，应为“乙”）；删除前编号 0,1,2，删除后 0（编号即位置）$/);
  expect(byId.events.detail).toContain('B1 RangeEdited');
  // Production's calls: marks through RangeAreas, read back; changes through the worksheet collection.
  expect(['RangeAreas.conditionalFormats', 'ConditionalFormat.getRanges', 'WorksheetCollection.onChanged'].filter((m) => !s.office.host.apiUsed.has(m))).toEqual([]);
  expect(byId.undo.status).toBe(s.office.host.undoSupported ? 'passed' : 'skipped');
  expect(byId.visibility.status).toBe('passed');
  // It told the clerk beforehand (the dialog): its sheet delete and protection probes empty the undo history.
  expect(s.wb.undo.steps).toEqual([]);
  expect(byId.protection.detail).toContain('AccessDenied');
  if (s.office.host.supports('1.13')) expect(byId.merged).toEqual(expect.objectContaining({ status: 'passed', detail: expect.stringContaining('合并区域 D1:D3') }));
  else expect(byId.merged).toEqual(expect.objectContaining({ status: 'skipped', detail: expect.stringContaining('ExcelApi 1.13') }));

  // Nothing of it stays in the workbook, and the live session did not mistake it for the clerk's work.
  expect(wb.sheets.map((x) => x.name)).toEqual(names);
  expect(wb.valueSnapshot()).toEqual(values);
  expect(wb.formatSnapshot()).toBe(formats);
  expect(JSON.stringify(wb.savedSettings)).toBe(settings);
  expect(s.logs.map((l) => l.op)).toEqual(s.office.host.undoSupported ? ['selfTestUndo', 'selfTest'] : ['selfTest']);

  const text = formatSelfTestReport(report);
  expect(text.split('\n').slice(0, 5)).toEqual([
    '执法台账助手 自检报告',
    expect.stringMatching(/^时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    `宿主：Excel；平台：${s.office.host.options.platform}；Office 版本：${s.office.host.options.officeVersion}`,
    expect.stringContaining(`ExcelApi ${s.office.host.options.sets.ExcelApi}`),
    '结果：全部通过（共 11 项）',
  ]);
});

test('with ids that survive deletes the report says so; marks made afterwards are still the add-in’s own', async () => {
  const s = setup(await fixtureWorkbook(), { cfIds: 'stable' });
  const report = await s.service.selfTest!();
  expect(report.probes.find((p) => p.id === 'cf-delete')).toEqual(expect.objectContaining({ status: 'passed', detail: expect.stringContaining('编号不随位置变化') }));
  await s.service.checkAll();
  expect(s.wb.sheets.flatMap((x) => x.cfs).every((cf) => isMarkFormula(cf.formula))).toBe(true);
});

test('a host that lets a protected sheet be written is reported as a failed probe with what happened', async () => {
  const s = setup(await fixtureWorkbook());
  s.office.host.checkWritable = () => undefined; // as if protection did not stop writes
  const report = await s.service.selfTest!();
  expect(report.probes.find((p) => p.id === 'protection')).toEqual(expect.objectContaining({ status: 'failed', detail: expect.stringContaining('没有报错') }));
  expect(formatSelfTestReport(report)).toContain('[失败] 受保护的工作表拒绝写入');
  expect(selfTestPassed(report)).toBe(false);
});
