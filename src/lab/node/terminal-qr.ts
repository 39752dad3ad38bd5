import { generate } from 'lean-qr';

/**
 * A QR code for a terminal: two modules per character cell (upper and lower half blocks), black
 * on white whatever the terminal's theme, with the four-module quiet zone scanners need.
 */
export function terminalQr(text: string): string {
  const code = generate(text);
  const quiet = 4;
  const from = -quiet;
  const to = code.size + quiet;
  const lines: string[] = [];
  for (let y = from; y < to; y += 2) {
    let line = '\x1b[30;47m';
    for (let x = from; x < to; x++) {
      const top = code.get(x, y);
      const bottom = y + 1 < to && code.get(x, y + 1);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines.join('\n');
}
