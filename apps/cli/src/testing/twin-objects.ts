import type { CliOptions, CliResult, EngineKit } from '@berth/testkit';
import { DockerCliRefusedError, dockerCli } from '@berth/testkit';
import { berthCli } from './berth-binary';
import { asBerth } from './parity';

/** The same objects made twice, one set for docker's command line and one for berth's. */
export interface TwinObjects {
  docker: string[];
  berth: string[];
}

/** `count` containers made by `docker <create…>` with the kit's labels, twice: names `<prefix>-<i>-d` and `-b`. */
export async function twinContainers(
  kit: EngineKit,
  prefix: string,
  count: number,
  create: readonly string[],
): Promise<TwinObjects> {
  const base = kit.name(prefix);
  const names = (side: string) => Array.from({ length: count }, (_, index) => `${base}-${index}-${side}`);
  const twins = { docker: names('d'), berth: names('b') };
  const [verb = 'create', ...options] = create;
  const made = [...twins.docker, ...twins.berth].map(async (name) => {
    const args = ['--name', name, ...options];
    const result = await kit.labelledCli([verb], args);
    if (result.exitCode !== 0) throw new DockerCliRefusedError([verb, ...args], result);
    return result.stdout.trim();
  });
  await Promise.all(made);
  return twins;
}

/** Names and ids of each side's objects replaced by one placeholder each, so that both sides read alike. */
function unify(text: string, names: readonly string[], ids: readonly string[]): string {
  let unified = text;
  for (const [index, id] of ids.entries()) {
    unified = unified.replaceAll(id, `<id${index}>`).replaceAll(id.slice(0, 12), `<id${index}>`);
  }
  for (const [index, name] of names.entries()) unified = unified.replaceAll(name, `<object${index}>`);
  return unified;
}

export interface TwinRun {
  docker: CliResult;
  berth: CliResult;
}

/**
 * One command line per side, each naming its own objects (`line(names)`), run at once; outputs with the program name
 * unified and each side's names and ids as placeholders.
 */
export async function twinParity(
  twins: TwinObjects,
  line: (names: readonly string[]) => readonly string[],
  ids: { docker: readonly string[]; berth: readonly string[] } = { docker: [], berth: [] },
  options: CliOptions = {},
): Promise<TwinRun> {
  const [docker, berth] = await Promise.all([
    dockerCli(line(twins.docker), options),
    berthCli(line(twins.berth), options),
  ]);
  const tidy = (result: CliResult, names: readonly string[], sideIds: readonly string[]): CliResult => ({
    exitCode: result.exitCode,
    stdout: unify(asBerth(result.stdout), names, sideIds),
    stderr: unify(asBerth(result.stderr), names, sideIds),
  });
  return { docker: tidy(docker, twins.docker, ids.docker), berth: tidy(berth, twins.berth, ids.berth) };
}
