import { pendingCommand } from '../pending-command';

export const command = pendingCommand('network connect');
