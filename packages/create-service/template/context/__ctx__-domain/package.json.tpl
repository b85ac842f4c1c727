{
  "name": "@__scope__/__ctx__-domain",
  "version": "0.1.0",
  "description": "Domain layer of the __ctx__ context: aggregates, value objects, events and repository ports.",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=22.12"
  },
  "repository": {
    "type": "git",
    "url": "git+https://github.com/contextflow/contextflow.git",
    "directory": "packages/__ctx__-domain"
  },
  "files": [
    "dist"
  ],
  "exports": {
    ".": {
      "@contextflow/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    }
  },
  "publishConfig": {
    "access": "restricted",
    "exports": {
      ".": {
        "types": "./dist/index.d.ts",
        "default": "./dist/index.js"
      }
    }
  },
  "scripts": {
    "build": "tsc -p tsconfig.build.json",
    "typecheck": "tsc -p tsconfig.json",
    "lint": "oxlint --type-aware --deny-warnings src",
    "lint:package": "publint --strict --pack pnpm",
    "test": "vitest run"
  },
  "dependencies": {
    "@contextflow/core": "workspace:^"
  },
  "devDependencies": {
    "@types/node": "catalog:",
    "vitest": "catalog:"
  }
}
