import { AUDIT_SEVERITIES, type AuditSeverity, auditContainer, reachesSeverity } from '@berth/security';
import type { CliFlag, CommandModule } from '../command';
import { UsageError } from '../errors';
import { EXIT_FAILED } from '../exit-codes';
import { flagLabel } from '../flag-values';
import { forEachObject } from '../objects';
import { chooseListFormat, FORMAT_HELP, renderList } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const FAIL_ON: CliFlag = {
  long: 'fail-on',
  kind: 'value',
  type: 'string',
  description: `Exit with status 1 when a finding is at least this severe (${AUDIT_SEVERITIES.join(', ')})`,
};

const TABLE = 'table {{.Container}}\t{{.Severity}}\t{{.Check}}\t{{.Field}}\t{{.Found}}\t{{.Fix}}';
const HEADERS = {
  Container: 'CONTAINER',
  Severity: 'SEVERITY',
  Check: 'CHECK',
  Field: 'FIELD',
  Found: 'FOUND',
  Fix: 'FIX',
  Reason: 'REASON',
  Section: 'SECTION',
};

function failOnLevel(word: string | undefined): AuditSeverity | undefined {
  if (word === undefined) return undefined;
  const level = AUDIT_SEVERITIES.find((severity) => severity === word);
  if (level !== undefined) return level;
  throw new UsageError(
    'invalid-severity',
    word,
    `invalid argument "${word}" for "${flagLabel(FAIL_ON)}" flag: the levels are ${AUDIT_SEVERITIES.join(', ')}`,
    125,
  );
}

/**
 * `berth container audit`: what each container is allowed to do beyond a hardened one (ch. 6.7), one row per
 * finding with its severity and the run flag that removes it; with `--fail-on`, a gate for CI.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [FAIL_ON, FORMAT],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const level = failOnLevel(context.string(FAIL_ON));
    const format = chooseListFormat(context.string(FORMAT) ?? '', { table: TABLE });
    const engine = context.engine();
    const rows: Record<string, string>[] = [];
    let reached = false;
    try {
      await forEachObject(
        context.args,
        (name) => engine.inspectContainer(name),
        (_name, inspect) => {
          const findings = auditContainer(inspect);
          if (level !== undefined && reachesSeverity(findings, level)) reached = true;
          for (const finding of findings) {
            rows.push({
              Container: inspect.Name.replace(/^\//, ''),
              Severity: finding.severity,
              Check: finding.kind,
              Field: finding.field,
              Found: finding.value,
              Fix: finding.fix,
              Reason: finding.reason,
              Section: finding.section,
            });
          }
        },
      );
    } finally {
      context.io.stdout.write(renderList(format, rows, HEADERS));
    }
    return reached ? EXIT_FAILED : 0;
  },
};
