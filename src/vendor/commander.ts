export { Command, CommanderError, Option } from 'commander';
