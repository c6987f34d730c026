import { pendingCommand } from '../pending-command';

export const command = pendingCommand('system prune');
