// openapi-typescript (apps/http's generated-client test) writes its output with TypeScript 5's compiler API
// (`ts.factory`), which the workspace's TypeScript 7 does not have. It asks for TypeScript as a peer, so it would
// get the workspace's: it gets a TypeScript 5 of its own instead.
module.exports = {
  hooks: {
    readPackage(manifest) {
      if (manifest.name === 'openapi-typescript') {
        const { typescript: _peer, ...peers } = manifest.peerDependencies ?? {};
        manifest.peerDependencies = peers;
        manifest.dependencies = { ...manifest.dependencies, typescript: '^5.9.3' };
      }
      return manifest;
    },
  },
};
