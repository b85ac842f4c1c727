{
  "name": "@__scope__/__ctx__-app",
  "version": "0.1.0",
  "description": "Application layer of the __ctx__ context: commands, queries, handlers, read-model ports and the published contracts.",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=22.12"
  },
  "repository": {
    "type": "git",
    "url": "git+https://github.com/contextflow/contextflow.git",
    "directory": "packages/__ctx__-app"
  },
  "files": [
    "dist"
  ],
  "exports": {
    ".": {
      "@contextflow/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    },
    "./contracts": {
      "@contextflow/source": "./src/contracts/index.ts",
      "types": "./dist/contracts/index.d.ts",
      "default": "./dist/contracts/index.js"
    },
    "./testing": {
      "@contextflow/source": "./src/testing/index.ts",
      "types": "./dist/testing/index.d.ts",
      "default": "./dist/testing/index.js"
    }
  },
  "publishConfig": {
    "access": "restricted",
    "exports": {
      ".": {
        "types": "./dist/index.d.ts",
        "default": "./dist/index.js"
      },
      "./contracts": {
        "types": "./dist/contracts/index.d.ts",
        "default": "./dist/contracts/index.js"
      },
      "./testing": {
        "types": "./dist/testing/index.d.ts",
        "default": "./dist/testing/index.js"
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
    "@contextflow/core": "workspace:^",
    "@__scope__/__ctx__-domain": "workspace:^"
  },
  "peerDependencies": {
    "zod": "catalog:"
  },
  "devDependencies": {
    "@types/node": "catalog:",
    "vitest": "catalog:",
    "zod": "catalog:"
  }
}
