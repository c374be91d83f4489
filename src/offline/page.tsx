/* Entry of the offline page (dist/offline/执法台账助手.html): everything inline, no network. */
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { OfflinePage } from './OfflinePage';
import { workerChannel, workerFiles } from './worker-client';
import { workerRollup } from './rollup-client';

(window as { tzStarted?: boolean }).tzStarted = true;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // file:// pages may have none
  }
}

// One worker for the page: reading, the copy, the package, and the 县局汇总 view's reading and building.
const worker = workerChannel();
const files = workerFiles(worker);
const rollup = workerRollup(worker);
// The pane's modules (pane-part.ts) run only when a file is chosen.
const loadSubmission = () => import('./pane-part').then((p) => p.offlineSubmission(files));

const el = document.getElementById('root');
if (el) {
  const root = createRoot(el);
  // A transition: the page's first render in slices, not one task after the script's.
  startTransition(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <OfflinePage loadSubmission={loadSubmission} loadRollup={() => Promise.resolve(rollup)} files={files} storage={storage()} />
      </FluentProvider>,
    ),
  );
}
