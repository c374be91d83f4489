/*
 * The add-in's ribbon callbacks. WPS opens the add-in's index.html (which loads main.js) when
 * 表格 starts, reads ribbon.xml and calls the callbacks it names as globals of that page:
 * OnAddinLoad (onLoad), OnAction (the 台账助手 button), GetImage. The task pane is created once
 * and shown or hidden on each click; nothing is kept in PluginStorage.
 */
import { EtApp, XL } from './et';
import { WpsFunction, registerFunctions } from './functions';

/** The ribbon button's id (scripts/build-wps.js writes it into ribbon.xml). */
export const PANE_BUTTON = 'tzTaskPane';
export const PANE_TITLE = '执法台账助手';
export const PANE_WIDTH = 400;
/** Names ribbon.xml calls. */
export const CALLBACKS = ['OnAddinLoad', 'OnAction', 'GetImage'] as const;

interface Pane {
  Visible: boolean;
  Width: number;
  DockPosition: number;
}

/** Installs the callbacks on `scope` (the page's window); `base` is the page's URL. */
export function installRibbon(scope: Record<string, unknown>, app: EtApp, base: string, functions: WpsFunction[]): void {
  let pane: Pane | null = null;
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    try {
      registerFunctions(app, functions, scope);
    } catch {
      // an older WPS without custom functions: the pane still works
    }
  };
  scope.OnAddinLoad = () => {
    register();
    return true;
  };
  scope.OnAction = (control: { Id?: string }) => {
    if (control?.Id !== PANE_BUTTON || typeof app.CreateTaskPane !== 'function') return true;
    if (!pane) {
      pane = app.CreateTaskPane(new URL('taskpane.html', base).href, PANE_TITLE) as unknown as Pane;
      pane.DockPosition = XL.dockRight;
      pane.Width = PANE_WIDTH;
      pane.Visible = true;
    } else pane.Visible = !pane.Visible;
    return true;
  };
  scope.GetImage = () => 'images/icon-80.png';
  register();
}
