/*
 * Ribbon commands → the task pane. In the shared runtime the function file and the pane are one
 * page (taskpane.html loads commands.js and taskpane.js), but two bundles: they meet on `window`.
 * A command waits in a queue until the pane takes it (the pane may not have started yet).
 */

/** What a ribbon button asks the pane to do. */
export type PaneCommand = 'prepare';

const QUEUE = '__tzPaneCommands';
const EVENT = 'tz-pane-command';

type Host = { [QUEUE]?: PaneCommand[] } & Pick<Window, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;

/** Queues a command for the pane and tells it. */
export function sendPaneCommand(command: PaneCommand, host: Host = window as unknown as Host): void {
  (host[QUEUE] ??= []).push(command);
  host.dispatchEvent(new Event(EVENT));
}

/** The pane's side: `listener` gets the queued commands now and each one sent later. Returns a function that stops listening. */
export function onPaneCommand(listener: (command: PaneCommand) => void, host: Host = window as unknown as Host): () => void {
  const take = () => {
    const queued = host[QUEUE] ?? [];
    host[QUEUE] = [];
    for (const c of queued) listener(c);
  };
  host.addEventListener(EVENT, take);
  take();
  return () => host.removeEventListener(EVENT, take);
}
