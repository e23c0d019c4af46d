import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Text from the editor must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build elements with dom.ts (text only).' },
        { property: 'outerHTML', message: 'Build elements with dom.ts (text only).' },
        { property: 'insertAdjacentHTML', message: 'Build elements with dom.ts (text only).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
          message: 'No document.write.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
