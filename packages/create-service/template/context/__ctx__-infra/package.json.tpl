{
  "name": "@__scope__/__ctx__-infra",
  "version": "0.1.0",
  "description": "Infrastructure layer of the __ctx__ context: Kysely repositories and read models, migrations, HTTP routes, message handlers and the module.",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=22.12"
  },
  "repository": {
    "type": "git",
    "url": "git+https://github.com/contextflow/contextflow.git",
    "directory": "packages/__ctx__-infra"
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
    "test": "vitest run",
    "test:integration": "vitest run --mode integration"
  },
  "dependencies": {
    "@__scope__/__ctx__-app": "workspace:^",
    "@__scope__/__ctx__-domain": "workspace:^",
    "@contextflow/core": "workspace:^",
    "@contextflow/core-infra": "workspace:^",
    "@contextflow/http-kit": "workspace:^",
    "kysely": "catalog:",
    "reflect-metadata": "catalog:"
  },
  "peerDependencies": {
    "hono": "catalog:",
    "@hono/zod-openapi": "catalog:",
    "zod": "catalog:",
    "tsyringe": "catalog:"
  },
  "devDependencies": {
    "@contextflow/runtime": "workspace:^",
    "@hono/zod-openapi": "catalog:",
    "@types/node": "catalog:",
    "hono": "catalog:",
    "tsyringe": "catalog:",
    "vitest": "catalog:",
    "zod": "catalog:"
  }
}
