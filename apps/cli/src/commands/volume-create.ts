import { MountError, parseVolumeCreate } from '@berth/mounts';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { UsageError } from '../errors';
import { flagLabel } from '../flag-values';

const DRIVER: CliFlag = {
  long: 'driver',
  short: 'd',
  kind: 'value',
  description: 'Specify volume driver name',
  type: 'string',
  default: '"local"',
};
const LABEL: CliFlag = { long: 'label', kind: 'value', description: 'Set metadata for a volume', type: 'list' };
const OPT: CliFlag = {
  long: 'opt',
  short: 'o',
  kind: 'value',
  description: 'Set driver specific options',
  type: 'map',
  default: 'map[]',
};
// docker keeps --name for old command lines, beside the positional name
const NAME: CliFlag = { long: 'name', kind: 'value', description: 'Specify volume name', hidden: true };

/** `berth volume create [NAME]` (ch.4.4): prints the volume's name, the engine's 64-hex id for an anonymous one. */
export const command: CommandModule = {
  usage: '[OPTIONS] [VOLUME]',
  flags: [DRIVER, LABEL, OPT, NAME, DRY_RUN_FLAG],
  args: { kind: 'max', count: 1 },
  async run(context) {
    const named = context.string(NAME);
    const [positional] = context.args;
    if (named !== undefined && positional !== undefined) {
      throw new UsageError(
        'conflicting-volume-name',
        positional,
        'conflicting options: either specify --name or provide positional arg, not both',
        1,
      );
    }
    const name = positional ?? named;
    let body: ReturnType<typeof parseVolumeCreate>;
    try {
      body = parseVolumeCreate({
        ...(name === undefined ? {} : { name }),
        ...(context.given(DRIVER) ? { driver: context.string(DRIVER) ?? '' } : {}),
        labels: context.list(LABEL),
        opts: context.list(OPT),
      });
    } catch (error) {
      // a bad label is pflag's refusal of the flag's value in docker, with the usage after it
      if (error instanceof MountError && error.code === 'invalid-label') {
        throw new UsageError(
          error.code,
          error.input,
          `invalid argument "${error.input}" for "${flagLabel(LABEL)}" flag: ${error.rule}`,
          125,
        );
      }
      throw error;
    }
    const volume = await context.engine().createVolume(body);
    if (!context.dryRun) context.io.stdout.write(`${volume.Name}\n`);
    return 0;
  },
};
