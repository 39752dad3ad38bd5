import { isCollection, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ErrorList } from './errors';

/** A YAML block of a lesson (the front matter or a fenced block), with a way back to its lines. */
export interface YamlBlock {
  readonly value: unknown;
  /** File line of the value at `path` (or of the nearest enclosing value that exists). */
  lineAt(path: readonly (string | number)[]): number;
}

/**
 * Aliases a block may expand. Lesson YAML never needs anchors; a small bound stops the
 * "billion laughs" expansion of a hostile file before it costs memory.
 */
const MAX_ALIAS_COUNT = 20;

/**
 * Parses `text`, whose first line is line `firstLine` of the file. YAML errors are recorded with
 * their file line; the result is undefined when the block is not valid YAML.
 */
export function parseYamlBlock(
  text: string,
  firstLine: number,
  errors: ErrorList,
  what: string,
): YamlBlock | undefined {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const lineOf = (offset: number): number => firstLine + lines.linePos(offset).line - 1;
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 3))
      errors.add(lineOf(e.pos[0]), `${what} is not valid YAML: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    errors.add(firstLine, `${what} could not be read: ${(e as Error).message}`);
    return undefined;
  }
  return {
    value,
    lineAt(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if ((isScalar(node) || isCollection(node)) && node.range) return lineOf(node.range[0]);
      }
      return firstLine;
    },
  };
}
