/** @jest-environment jsdom */
/* A part of the pane in its own chunk: its fallback while loading, then the part, or a Chinese sentence when the chunk cannot load. */
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { LazyPart } from '../../src/taskpane/LazyPart';

test('the part once its chunk has loaded, the fallback before', async () => {
  let loaded!: (m: { default: React.ComponentType }) => void;
  const Part = React.lazy(() => new Promise<{ default: React.ComponentType }>((r) => (loaded = r)));
  render(
    <LazyPart loading={<p>正在加载…</p>} failed={<p>没能加载</p>}>
      <Part />
    </LazyPart>,
  );
  expect(screen.getByText('正在加载…')).toBeInTheDocument();
  loaded({ default: () => <p>月度报送</p> });
  expect(await screen.findByText('月度报送')).toBeInTheDocument();
  expect(screen.queryByText('没能加载')).toBeNull();
});

test('a chunk that cannot load (the server out of reach) is said, never a blank space', async () => {
  const Part = React.lazy(() => Promise.reject(new Error('ChunkLoadError: Loading chunk submit-tab failed')));
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
  render(
    <LazyPart loading={<p>正在加载…</p>} failed={<p>没能加载月度报送：请检查网络后关闭任务窗格再重新打开。</p>}>
      <Part />
    </LazyPart>,
  );
  expect(await screen.findByText(/没能加载月度报送/)).toBeInTheDocument();
  expect(screen.queryByText('正在加载…')).toBeNull();
  quiet.mockRestore();
});
