/*
 * Component-test helpers for the task pane: jsdom gaps, a fake LedgerService (plain object
 * with jest.fn methods) over a real WorkbookCheck, and a render helper.
 * Import this first in every test/taskpane-*.test.tsx (jsdom environment).
 */
import { TextDecoder, TextEncoder } from 'util';
import '@testing-library/jest-dom';
import { configure, render } from '@testing-library/react';

// What a test waits for (a dialog, a lazy chunk, a re-render) may take seconds on a loaded CI
// machine: findBy*/waitFor wait up to 15 s (a ceiling, not a timing: they return as soon as it is there).
configure({ asyncUtilTimeout: 15_000 });
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from '@fluentui/react-components';
import type { HostFeatures, LedgerService, PaneSettings, PaneState, ReportMonthResult } from '../../src/session/service';
import type { SheetGrid } from '../../src/ledger/cell';
import { WorkbookCheck } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';
import { App } from '../../src/taskpane/App';
import type { Deliver, SubmissionApi } from '../../src/taskpane/SubmissionPanel';
import type { RollupApi } from '../../src/taskpane/RollupPanel';
import { missingKinds, sheetSummaries } from '../../src/session/summary';
import { TODAY } from '../helpers/ledger';
import type { HolidayStartup } from '../../src/taskpane/holiday-start';

// jsdom 20 lacks these; docx, the codec and Fluent's motion use them.
Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
if (!(globalThis as { ResizeObserver?: unknown }).ResizeObserver) {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

export function check(grids: SheetGrid[]): WorkbookCheck {
  return checkWorkbook(grids, { today: TODAY });
}

export function stateOf(c: WorkbookCheck | null, version = 1, extra: Partial<PaneState> = {}): PaneState {
  return {
    phase: c ? 'ready' : 'checking',
    check: c,
    sheets: c ? sheetSummaries(c.ledgers) : [],
    missingKinds: c ? missingKinds(c.ledgers) : [],
    date1904: false,
    marksShown: true,
    version,
    ...extra,
  };
}

export interface FakeService extends LedgerService {
  selectCell: jest.Mock<Promise<void>, [string, string]>;
  setMarks: jest.Mock<Promise<void>, [boolean]>;
  fillReportMonths: jest.Mock<Promise<ReportMonthResult>, []>;
  insertOfficialSheets: jest.Mock<Promise<string[]>, [string | null, { roster?: boolean }?]>;
  saveSettings: jest.Mock<Promise<void>, [PaneSettings]>;
  checkAll: jest.Mock<Promise<PaneState>, []>;
  startLive: jest.Mock<Promise<void>, []>;
  /** Replaces the state and notifies subscribers (like live checking would). */
  emit(state: PaneState): void;
}

/** Holds the state behind `this`, like the class-based adapter (catches unbound method calls). */
class StateBox {
  state = stateOf(null, 0);
  readonly listeners = new Set<(s: PaneState) => void>();
  current(): PaneState {
    return this.state;
  }
  subscribe(l: (s: PaneState) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** A LedgerService whose checkAll reports `c` (or `next()` when given). */
export function fakeService(c: WorkbookCheck | null, opts: { settings?: PaneSettings; platform?: string | null; next?: () => WorkbookCheck; features?: HostFeatures } = {}): FakeService {
  const box = new StateBox();
  const emit = (s: PaneState) => {
    box.state = s;
    for (const l of box.listeners) l(s);
  };
  const svc: FakeService = Object.assign(Object.create(box) as StateBox, {
    checkAll: jest.fn(async () => {
      const now = opts.next ? opts.next() : c;
      emit(stateOf(now, box.state.version + 1, { marksShown: box.state.marksShown }));
      return box.state;
    }),
    startLive: jest.fn(async () => undefined),
    stopLive: async () => undefined,
    selectCell: jest.fn(async (_sheet: string, _cell: string) => undefined),
    setMarks: jest.fn(async (shown: boolean) => emit({ ...box.state, marksShown: shown, version: box.state.version + 1 })),
    fillReportMonths: jest.fn(async () => ({ written: [], refused: [] })),
    insertOfficialSheets: jest.fn(async (_team: string | null, o?: { roster?: boolean }) => ['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账', ...(o?.roster ? ['执法人员名单'] : [])]),
    loadSettings: async () => opts.settings ?? {},
    saveSettings: jest.fn(async (_s: PaneSettings) => undefined),
    platform: () => (opts.platform === undefined ? 'OfficeOnline' : opts.platform),
    today: () => TODAY,
    ...(opts.features ? { features: () => opts.features! } : {}),
    emit,
  });
  return svc;
}

/**
 * jsdom's getComputedStyle matches every element against every CSS rule, and Testing Library's
 * role queries and user-event's pointer check call it for each element and its ancestors; with
 * Fluent's thousands of atomic rules one query took seconds under load. The tests keep the rules
 * that decide what is visible, focusable or clickable and drop the purely visual ones.
 */
const VISIBILITY_RULE = /display|visibility|pointer-events|content-visibility/;
export function testRenderer() {
  return createDOMRenderer(document, { unstable_filterCSSRule: (rule) => VISIBILITY_RULE.test(rule) });
}

/** The real lazy module, as the add-in loads it. */
export const realSubmission = (): Promise<SubmissionApi> => import('../../src/taskpane/submit-api');
export const realRollup = (): Promise<RollupApi> => import('../../src/taskpane/rollup-api');

export function renderPane(service: LedgerService, opts: { deliver?: Deliver; loadSubmission?: () => Promise<SubmissionApi>; embedded?: boolean; holidays?: HolidayStartup; year?: number } = {}) {
  const deliver: Deliver = opts.deliver ?? jest.fn(async () => ({ route: 'download' as const, delivered: [], skipped: [], message: '已开始下载' }));
  return {
    deliver,
    ...render(
      <RendererProvider renderer={testRenderer()}>
        <FluentProvider theme={webLightTheme}>
          <App service={service} loadSubmission={opts.loadSubmission ?? realSubmission} loadRollup={realRollup} deliver={deliver} holidays={opts.holidays} year={opts.year ?? 2023} embedded={opts.embedded} />
        </FluentProvider>
      </RendererProvider>,
    ),
  };
}
