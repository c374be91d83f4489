/*
 * The 月度报送 tab's content in the pane's own bundle: only this loader. The form and its results
 * (SubmissionPanel, with Fluent's Select, Input, Field, Dialog and Link) come in their own chunk,
 * fetched once the first results are on screen (App mounts the tab then) or when the clerk opens
 * the tab first; a chunk that fails to load (the add-in's server out of reach) is said in
 * Chinese, never a blank tab. This keeps the initial pane within its 250 KB gzip budget.
 */
import * as React from 'react';
import { Spinner } from '@fluentui/react-components';
import { Note } from './Note';
import type { SubmissionPanelProps } from './SubmissionPanel';
import { LazyPart } from './LazyPart';

const SubmissionPanel = React.lazy(() => import(/* webpackChunkName: "submit-tab" */ './SubmissionPanel').then((m) => ({ default: m.SubmissionPanel })));

export function SubmitTab(props: SubmissionPanelProps): React.ReactElement {
  return (
    <LazyPart loading={<Spinner size="tiny" labelPosition="after" label="正在加载月度报送…" />} failed={<Note intent="error">没能加载月度报送：请检查网络后关闭任务窗格再重新打开。</Note>}>
      <SubmissionPanel {...props} />
    </LazyPart>
  );
}
