/** A classroom link that cannot work (no code, a bad broker URL): say what is wrong, change nothing. */
export function LinkProblem({ message }: { message: string }): React.JSX.Element {
  return (
    <div className="cr-app">
      <header className="cr-header">
        <h1>DoubleTick classroom</h1>
      </header>
      <main>
        <p className="cr-banner cr-banner-refused" role="alert">
          {message}
        </p>
        <p>
          Teachers start a room with <code>npm run build && npm run lab -- --classroom</code>; it
          prints the link to open.
        </p>
      </main>
    </div>
  );
}
