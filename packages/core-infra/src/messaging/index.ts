export {};
export {
  type CommandRecord,
  type CommandStatus,
  CommandStatusReader,
  isTerminal,
} from '../commands/command-record.js';
