export { __ctx__Module } from './module.js';
