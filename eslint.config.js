import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'out/**', 'test/fixtures/**/vendor/**', 'test/fixtures/**/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Spreading an array into call arguments throws RangeError past ~100k elements (issue 13 §7): a rule with many
      // findings made validate() fail open. Loop, reduce or concat instead; a bounded chunk may opt out on its line.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|fromCodePoint|apply)$/] > SpreadElement',
          message: 'No spread into push/unshift/Math.max/min/fromCharCode: it throws RangeError on large arrays. Use a loop or reduce.',
        },
      ],
    },
  },
  // CommonJS on purpose: these run on any Node before dependencies exist (scripts/bootstrap.cjs, check-node.cjs).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
