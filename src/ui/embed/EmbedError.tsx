/**
 * The embed's error view: what is wrong with the link, as text only. Nothing of the link is
 * rendered as markup, and no simulation starts.
 */
export function EmbedError({ errors }: { errors: readonly string[] }): React.JSX.Element {
  return (
    <div className="em-error" role="alert">
      <h1>This DoubleTick embed cannot start</h1>
      <ul>
        {errors.slice(0, 6).map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
      <p>
        See{' '}
        <a href="./index.html" target="_blank" rel="noopener">
          the playground
        </a>{' '}
        for a working link: its Embed dialog writes one.
      </p>
    </div>
  );
}
