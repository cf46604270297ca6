// Adds up the vitest JSON reports of the projects named on the command line and prints one
// closing line, `tests: N passed, N failed, N skipped`; exits 1 when any failed or none ran.
// Above that line it lists every failure with the first lines of its message, because a CI log
// is often read from its tail only and the runner's own failure blocks scroll far above it.
import fs from 'node:fs';
import path from 'node:path';

const MESSAGE_LINES = 6;
// Colour codes: ESC '[' … 'm' (built from a string so the pattern holds no control character).
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first lines of a failure message, without colour codes or stack frames. */
function gist(message) {
  const lines = String(message ?? '').replace(ANSI, '').split('\n');
  return lines.filter((l) => l.trim() !== '' && !/^\s+at /.test(l)).slice(0, MESSAGE_LINES);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const counts = [];
const failures = [];
for (const project of process.argv.slice(2)) {
  const file = `test-results/vitest-${project}.json`;
  if (!fs.existsSync(file)) {
    counts.push(`${project}: no report (the suite did not run)`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  counts.push(`${project}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  for (const suite of r.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    // A file that failed to load, or failed in a hook, has no failed test to carry its message.
    if (suite.status === 'failed' && failedTests.length === 0) failures.push({ title: `${project} ${where}`, lines: gist(suite.message) });
    for (const a of failedTests) failures.push({ title: `${project} ${where} > ${a.fullName}`, lines: gist(a.failureMessages?.[0]) });
  }
}
if (failures.length > 0) {
  console.log(`failures (${failures.length}):`);
  for (const f of failures) {
    console.log(`- ${f.title}`);
    for (const line of f.lines) console.log(`    ${line}`);
  }
}
for (const line of counts) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
