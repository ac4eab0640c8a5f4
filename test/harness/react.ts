// A React root of its own for each test: rendered into a fresh container, unmounted after it.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';

/** Call at the top of a test file; `render` then puts a React element on the page, synchronously. */
export function reactStage(): { render(element: ReturnType<typeof React.createElement>): HTMLElement } {
  let root: Root | undefined;
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
  });
  return {
    render(element) {
      root = ReactDOMClient.createRoot(container);
      ReactDOM.flushSync(() => root?.render(element));
      return container;
    },
  };
}
