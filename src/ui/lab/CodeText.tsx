/** Text where `backticked` parts (a command, an address) are shown as code; never markup. */
export function CodeText({ text }: { text: string }): React.JSX.Element {
  return (
    <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>
  );
}
