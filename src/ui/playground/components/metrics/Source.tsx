import { useId } from 'react';

/** A small "i" button that shows a figure's source on hover and keyboard focus (its description). */
export function Source({ text }: { text: string }): React.JSX.Element {
  const id = useId();
  return (
    <span className="pg-source-wrap">
      <button type="button" className="pg-source" aria-describedby={id}>
        i
      </button>
      <span id={id} role="tooltip" className="pg-source-tip">
        {text}
      </span>
    </span>
  );
}
