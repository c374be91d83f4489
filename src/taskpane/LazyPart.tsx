/*
 * A part of the pane in a chunk of its own: its fallback while the chunk loads, and a sentence in
 * Chinese when it cannot load (the add-in's server out of reach), never a blank space.
 */
import * as React from 'react';

class LoadBoundary extends React.Component<{ failed: React.ReactNode; children: React.ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): React.ReactNode {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}

export function LazyPart({ loading, failed, children }: { loading: React.ReactNode; failed: React.ReactNode; children: React.ReactNode }): React.ReactElement {
  return (
    <LoadBoundary failed={failed}>
      <React.Suspense fallback={loading}>{children}</React.Suspense>
    </LoadBoundary>
  );
}
