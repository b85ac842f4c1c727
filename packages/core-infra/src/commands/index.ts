export { type CommandRecord, type CommandStatus, CommandStatusReader, isTerminal } from './command-record.js';
