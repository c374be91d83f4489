/*
 * The 县局汇总 view on the offline page: the same view (RollupPanel) as in the add-in, its
 * reading and building in the page's worker (worker-rollup.ts). The picked files cross as they
 * are (File is cloneable; the worker reads them), the view's figures come back, the roll-up
 * itself stays in the worker behind a handle; the saved files' bytes are transferred.
 */
import type { NewSheet } from '../session/driver';
import type { RollupApi, RollupRun } from '../taskpane/RollupPanel';
import type { SavedFile } from '../taskpane/rollup-api';
import type { Ask } from './worker-client';

/** The view's RollupApi over the page's worker (the limits, messages and results are rollup-api.ts's, run there). */
export function workerRollup(ask: Ask): RollupApi {
  const handle = (rollup: unknown): number => {
    if (typeof rollup !== 'number') throw new Error('汇总结果不是本页面生成的，请重新点“汇总”。');
    return rollup;
  };
  return {
    runRollup(picked, o) {
      // The view's picked files are the file input's File objects: they cross to the worker by structured clone.
      const files = picked as File[];
      return ask<RollupRun>({ op: 'rollup', files, period: o.period, today: o.today, townships: o.townships }, []);
    },
    rollupSheets: (rollup) => ask<NewSheet[]>({ op: 'rollup-sheets', handle: handle(rollup) }, []),
    rollupXlsx: (rollup) => ask<SavedFile>({ op: 'rollup-file', handle: handle(rollup), which: 'xlsx' }, []),
    noticeFile: (rollup) => ask<SavedFile>({ op: 'rollup-file', handle: handle(rollup), which: 'docx' }, []),
  };
}
