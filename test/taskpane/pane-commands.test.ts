/*
 * The 准备月度报送 ribbon button: its manifest entry follows the 台账助手 button (label, tooltip,
 * icons), its ExecuteFunction names the function commands.ts associates, and the function asks the
 * pane to prepare and shows it — through the fake Office's Office.actions, as Excel would run it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import { onPaneCommand, sendPaneCommand } from '../../src/commands/bridge';
import { duePeriod, FIRST_REPORT } from '../../src/taskpane/form';
import { FakeWorkbook, installFakeOffice } from '../fake-excel';

const ROOT = path.resolve(__dirname, '..', '..');
const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), 'text/xml') as unknown as Node;
interface Node {
  localName: string | null;
  textContent: string | null;
  getAttribute(n: string): string | null;
  getElementsByTagName(n: string): ArrayLike<Node>;
}
const byTag = (el: Pick<Node, 'getElementsByTagName'>, name: string): Node[] => Array.from(el.getElementsByTagName('*')).filter((x) => x.localName === name);
const resource = (id: string) => byTag(doc, 'String').concat(byTag(doc, 'Image')).find((e) => e.getAttribute('id') === id)?.getAttribute('DefaultValue');

test('the ribbon has 准备月度报送 beside 台账助手: an ExecuteFunction with its own label, tooltip and icons', () => {
  const controls = byTag(doc, 'Control');
  expect(controls.map((c) => c.getAttribute('id'))).toEqual(['TzTaskpaneButton', 'TzPrepareButton']);
  const prepare = controls[1];
  expect(resource(byTag(prepare, 'Label')[0].getAttribute('resid')!)).toBe('准备月度报送');
  expect(resource(byTag(prepare, 'Description')[0].getAttribute('resid')!)).toMatch(/Word 台账和邮件草稿/);
  const action = byTag(prepare, 'Action')[0];
  expect(action.getAttribute('xsi:type')).toBe('ExecuteFunction');
  expect(byTag(action, 'FunctionName')[0].textContent).toBe('prepareMonthlySubmission');
  for (const img of byTag(prepare, 'Image')) {
    const url = resource(img.getAttribute('resid')!)!;
    const file = path.join(ROOT, new URL(url).pathname);
    expect(fs.existsSync(file)).toBe(true);
    // A PNG of the size the manifest promises.
    const png = fs.readFileSync(file);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(img.getAttribute('size')), Number(img.getAttribute('size'))]);
  }
});

test('commands.ts associates the manifest’s function; clicking the button queues 准备 for the pane and shows it', async () => {
  const office = installFakeOffice(globalThis as unknown as Record<string, unknown>, FakeWorkbook.fromJson({ sheets: [] }));
  const events = new EventTarget();
  const host = events as unknown as Window;
  (globalThis as unknown as { window: unknown }).window = host;
  try {
    jest.isolateModules(() => require('../../src/commands/commands'));
    await new Promise((r) => setTimeout(r, 0)); // Office.onReady resolves
    expect([...office.host.actions.keys()]).toEqual(['prepareMonthlySubmission']);
    await office.host.runCommand('prepareMonthlySubmission'); // resolves on event.completed()
    expect(office.host.shownByCode).toBe(1);
    // The pane takes what was sent before it listened, then what comes later.
    const got: string[] = [];
    const stop = onPaneCommand((c) => got.push(c), host);
    expect(got).toEqual(['prepare']);
    sendPaneCommand('prepare', host);
    expect(got).toEqual(['prepare', 'prepare']);
    stop();
    sendPaneCommand('prepare', host);
    expect(got).toHaveLength(2);
  } finally {
    delete (globalThis as unknown as { window?: unknown }).window;
    office.uninstall();
  }
});

test('the period due: last month; the skipped months since the last package; the notice’s first report while it is open', () => {
  expect(duePeriod('2023-11-05')).toEqual({ from: '2023-10', to: '2023-10' });
  expect(duePeriod('2023-11-05', '2023-10')).toEqual({ from: '2023-10', to: '2023-10' }); // prepared again
  expect(duePeriod('2024-01-03', '2023-10')).toEqual({ from: '2023-11', to: '2023-12' });
  expect(duePeriod('2025-03-01', '2023-10')).toEqual({ from: '2024-03', to: '2025-02' }); // at most 12 months
  expect(duePeriod('2023-10-08')).toEqual({ from: FIRST_REPORT.from, to: FIRST_REPORT.to });
  expect(duePeriod('2023-10-20')).toEqual({ from: FIRST_REPORT.from, to: FIRST_REPORT.to }); // overdue (the form says so) but still due
  expect(duePeriod('2023-10-08', '2023-09')).toEqual({ from: '2023-09', to: '2023-09' });
});
