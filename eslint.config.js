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
  // The boundaries between the parts, which imports alone would let drift.
  {
    files: ["emulator/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/provider", "**/provider/**", "pulumi-vox", "pulumi-vox/*"],
              message: "The emulator stands apart from the provider: it must not import it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["provider/campaign/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/api", "**/api/**", "**/runtime", "**/runtime/**"],
              message: "campaign/ is the model: the API (wire names, HTTP) and the runtime build on it, not the other way round.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/provider/**", "!**/provider/tooling"],
              message: "The command line reaches the provider only through provider/tooling.ts.",
            },
          ],
        },
      ],
    },
  },
  { files: ["eslint.config.js"], languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable" } } },
);
