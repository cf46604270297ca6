// Adds up the vitest JSON reports of the projects named on the command line and prints one
// closing line, `tests: N passed, N failed, N skipped`; exits 1 when any failed or none ran.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const project of process.argv.slice(2)) {
  const file = `test-results/vitest-${project}.json`;
  if (!fs.existsSync(file)) {
    console.log(`${project}: no report (the suite did not run)`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`${project}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
