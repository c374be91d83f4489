/*
 * The 县局汇总 tab's content in the pane's own bundle: only this loader. The view (RollupPanel)
 * comes in its own chunk when the tab is first opened, the roll-up from the entry's `loadRollup`; a chunk that fails to load (the add-in's
 * server out of reach) is said in Chinese, never a blank pane.
 */
import * as React from 'react';
import { Spinner } from '@fluentui/react-components';
import type { LedgerService } from '../session/service';
import { Note } from './Note';
import type { Deliver } from './SubmissionPanel';
import type { RollupApi } from './RollupPanel';
import { LazyPart } from './LazyPart';

const RollupPanel = React.lazy(() => import(/* webpackChunkName: "rollup-view" */ './RollupPanel'));

export function RollupTab(props: { service: LedgerService; deliver: Deliver; loadRollup: () => Promise<RollupApi> }): React.ReactElement {
  return (
    <LazyPart loading={<Spinner size="tiny" labelPosition="after" label="正在加载县局汇总…" />} failed={<Note intent="error">没能加载县局汇总：请检查网络后关闭任务窗格再重新打开。</Note>}>
      <RollupPanel {...props} />
    </LazyPart>
  );
}
