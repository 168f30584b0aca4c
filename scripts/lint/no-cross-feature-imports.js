/**
 * ESLint rule: a feature never imports another feature.
 *
 * Features live in `src/features/<name>/**` (client) and `server/features/<name>/**` (server).
 * A file inside feature A may import shared code (src/lib, server/lib, contract, …) and its own
 * feature, but nothing under another feature's folder of the same side. Shared needs go to the
 * lib folders. The rule is generic: it reads the feature name from the paths, so new features
 * are covered without editing the lint config.
 *
 * Specifiers checked: relative paths ('../../orders/x'), the client alias '@/features/<b>/…',
 * root-relative 'src/features/<b>' and 'server/features/<b>', in static imports, re-exports,
 * dynamic import() and require().
 */
'use strict';

const path = require('node:path');

const FEATURE_ROOTS = ['src/features', 'server/features'];

/** Returns { root, name } when `file` (absolute, or relative to `cwd`) sits inside a feature folder. */
function featureOf(file, cwd) {
  const rel = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  for (const root of FEATURE_ROOTS) {
    if (rel.startsWith(root + '/')) {
      const name = rel.slice(root.length + 1).split('/')[0];
      // A file directly in the features folder (server/features/index.ts, the registry) is not a feature.
      if (name && name !== 'index' && !name.includes('.')) return { root, name };
    }
  }
  return null;
}

/** Resolves an import specifier to a path relative to `cwd`, or null for package imports. */
function targetOf(specifier, importerFile, cwd) {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(path.resolve(cwd, importerFile)), specifier);
  if (specifier.startsWith('@/')) return path.resolve(cwd, 'src', specifier.slice(2));
  if (specifier.startsWith('src/') || specifier.startsWith('server/')) return path.resolve(cwd, specifier);
  return null;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports from one feature folder into another feature folder.' },
    schema: [],
    messages: {
      crossFeature:
        'Feature "{{from}}" must not import from feature "{{to}}" ({{specifier}}). Move shared code to src/lib, server/lib or contract/.',
    },
  },
  create(context) {
    const cwd = context.cwd;
    const importer = featureOf(context.filename, cwd);
    if (!importer) return {};

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const target = targetOf(source.value, context.filename, cwd);
      if (!target) return;
      const imported = featureOf(target, cwd);
      if (imported && imported.root === importer.root && imported.name !== importer.name) {
        context.report({
          node: source,
          messageId: 'crossFeature',
          data: { from: importer.name, to: imported.name, specifier: source.value },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      CallExpression(node) {
        const isRequire = node.callee.type === 'Identifier' && node.callee.name === 'require';
        const [arg] = node.arguments;
        if (isRequire && arg && arg.type === 'Literal') check(node, arg);
      },
    };
  },
};
