// The linter's rules: typescript-eslint's recommended set on every TypeScript file; formatting is prettier's.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/", "node_modules/", "**/*.js", "!eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value taken apart only to leave it out.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // The dynamic-provider interface hands the provider untyped values; the runtime parses them at its boundary.
      "@typescript-eslint/no-explicit-any": "off",
      // The serialized provider loads the installed runtime by name when called (see serialized-provider.ts).
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  { files: ["eslint.config.js"], languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable" } } },
);
