/** Hex as rows of 16 bytes with offsets: `0000  30 8c 01 00 …`. */
export function hexLines(hex: string): string {
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += 32) {
    const row = hex
      .slice(i, i + 32)
      .replace(/(..)/g, '$1 ')
      .trim();
    lines.push(`${(i / 2).toString(16).padStart(4, '0')}  ${row}`);
  }
  return lines.join('\n');
}
