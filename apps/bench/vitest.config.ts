// @boundaries-ignore the one shared test configuration lives at the repository root
export { default } from '../../vitest.shared.ts';
