// The entry point. V8's compiled code of every module is cached on disk (node:module's compile cache, in
// NODE_COMPILE_CACHE or the OS temp directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so a restart skips
// most of the parsing and compiling of its modules. It is switched on before the first module of the app
// loads, hence the dynamic import.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./worker-main.js');
