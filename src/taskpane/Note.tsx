/* A message bar the way the pane uses it, and styles shared by the pane's views. */
import * as React from 'react';
import { GriffelStyle, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Read by screen readers, not shown. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export interface NoteProps {
  intent: 'success' | 'info' | 'warning' | 'error';
  /** Bold first line; the bar is labelled by it. */
  title?: string;
  children?: React.ReactNode;
  /** A button on the bar (e.g. 关闭). */
  action?: React.ReactElement;
  className?: string;
}

/**
 * A Fluent MessageBar, multiline. Without a title it is not labelled: Fluent points
 * aria-labelledby at a title id that is then missing from the page (axe: aria-valid-attr-value).
 */
export function Note({ intent, title, children, action, className }: NoteProps): React.ReactElement {
  return (
    <MessageBar intent={intent} layout="multiline" className={className} {...(title ? {} : { 'aria-labelledby': undefined })}>
      <MessageBarBody style={{ whiteSpace: 'pre-line' }}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {action && <MessageBarActions containerAction={action} />}
    </MessageBar>
  );
}
