// @ts-check
/**
 * The layer rule: which folders of the project a file may import from, by the folder it lives in
 * (DESIGN.md's dependency directions). It reads every way a module names another — `import`,
 * `export … from`, `import()` and `import type` — and resolves relative paths, so a dynamic import
 * or a re-export cannot slip past it.
 */
import path from 'node:path';

/**
 * @typedef {{
 *   from: string,
 *   allow: string[],
 *   typeOnly?: string[],
 *   packages?: string[],
 *   computedImports?: boolean,
 *   why: string,
 * }} Layer
 */

/** @param {string} p */
const slash = (p) => p.split(path.sep).join('/');

/** @param {string} rel @param {string} dir */
const inside = (rel, dir) => rel === dir || rel.startsWith(`${dir}/`);

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Imports follow DESIGN.md's layers" },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' } },
        required: ['root', 'layers'],
      },
    ],
    messages: {
      folder: '{{file}} is in {{layer}}, which may not import {{target}} ({{why}})',
      value:
        '{{file}} is in {{layer}}, which may import only types from {{target}} ({{why}}): use `import type`',
      pkg: '{{file}} is in {{layer}}, which may not import the package "{{spec}}" ({{why}})',
    },
  },
  create(context) {
    const { root, layers } = /** @type {{ root: string, layers: Layer[] }} */ (context.options[0]);
    const file = slash(path.relative(root, context.filename));
    // Tests sit beside their modules but are not part of the layer (they use vitest, fixtures, oracles).
    if (/\.test\.tsx?$/.test(file)) return {};
    const layer = layers.find((l) => inside(file, l.from));
    if (!layer) return {};

    /**
     * @param {import('estree').Node} node
     * @param {unknown} source
     * @param {boolean} typeOnly
     */
    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return;
      const data = { file, layer: layer.from, why: layer.why, spec: source, target: source };
      if (!source.startsWith('.')) {
        if (
          layer.packages &&
          !layer.packages.some(
            (p) =>
              source === p ||
              source.startsWith(`${p}/`) ||
              (p.endsWith('/') && source.startsWith(p)),
          )
        )
          context.report({ node, messageId: 'pkg', data });
        return;
      }
      const target = slash(
        path.relative(root, path.resolve(path.dirname(context.filename), source)),
      );
      data.target = target;
      if (layer.allow.some((d) => inside(target, d))) return;
      if (layer.typeOnly?.some((d) => inside(target, d))) {
        if (!typeOnly) context.report({ node, messageId: 'value', data });
        return;
      }
      context.report({ node, messageId: 'folder', data });
    }

    return {
      ImportDeclaration(node) {
        const kinds = node.specifiers.map(
          (s) => /** @type {{ importKind?: string }} */ (s).importKind,
        );
        const typeOnly =
          /** @type {{ importKind?: string }} */ (node).importKind === 'type' ||
          (kinds.length > 0 && kinds.every((k) => k === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source)
          check(
            node,
            node.source.value,
            /** @type {{ exportKind?: string }} */ (node).exportKind === 'type',
          );
      },
      ExportAllDeclaration(node) {
        check(
          node,
          node.source.value,
          /** @type {{ exportKind?: string }} */ (node).exportKind === 'type',
        );
      },
      ImportExpression(node) {
        // `import(x)` with a computed path cannot be checked: refuse it in a layered folder.
        if (node.source.type !== 'Literal') {
          if (layer.computedImports) return;
          context.report({
            node,
            messageId: 'folder',
            data: { file, layer: layer.from, why: layer.why, target: 'a computed path' },
          });
          return;
        }
        check(node, node.source.value, false);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
