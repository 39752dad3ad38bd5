/** A Mermaid diagram in a lesson, drawn when the step is shown (Mermaid loads on first use). */
import { useEffect, useId, useState } from 'react';

let counter = 0;

export default function MermaidBlock({ text }: { text: string }): React.JSX.Element {
  const [svg, setSvg] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  useEffect(() => {
    let live = true;
    void import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: 'neutral',
          flowchart: { htmlLabels: false },
        });
        const r = await mermaid.render(`ls-mmd-${id}-${counter++}`, text);
        if (live) setSvg(r.svg);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text, id]);
  if (!svg || failed) return <pre className="ls-pre">{text}</pre>;
  // Mermaid's own output with securityLevel "strict" (it sanitises labels); shown as an image.
  return (
    <img
      className="ls-mermaid"
      alt="Diagram of the lesson's message flow"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
    />
  );
}
