import { useId } from 'react';

/** A small "i" that shows a figure's source on hover and on keyboard focus. */
export function Source({ text }: { text: string }): React.JSX.Element {
  const id = useId();
  return (
    <span className="pg-source" tabIndex={0} aria-describedby={id}>
      <span aria-hidden="true">i</span>
      <span className="pg-sr">source</span>
      <span id={id} role="tooltip" className="pg-source-tip">
        {text}
      </span>
    </span>
  );
}
