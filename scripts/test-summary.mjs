// `clean` removes every workspace's last vitest JSON report; `report` adds them up and prints one closing line,
// `N passed, N failed, N skipped`, so a reader (or CI) sees the whole suite's count at the end.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .map((dir) => join(dir, 'test-results', 'vitest.json'));

if (process.argv[2] === 'clean') {
  for (const report of reports) rmSync(report, { force: true });
} else {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const report of reports.filter((path) => existsSync(path))) {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    total.passed += results.numPassedTests;
    // a file that failed before running any test (an import error, an unreachable engine) counts as one failure
    const brokenFiles = results.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    );
    total.failed += results.numFailedTests + brokenFiles.length;
    total.skipped += results.numPendingTests + results.numTodoTests;
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
}
