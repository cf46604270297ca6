/**
 * One runner for every suite. `unit` is pure and fast; `integration` drives real pwsh and the lab
 * module; `integration-samba` the files that start Samba's AD DC; `e2e` drives the built renderer
 * in Debian's Chromium; `hostile` runs the bad-input corpus. `scripts/test.sh` runs them in that order after setting up.
 */
import { defineConfig } from 'vitest/config';

/** Files that start a Samba AD DC (test/support/samba-dc.ts): named `*samba*` so they can run alone. */
const SAMBA_FILES = 'test/integration/**/*samba*.test.ts';

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        // Two files at a time: most of an integration test is waiting on lab latency, moves
        // scaled by timeScale and PowerShell start-up, so two workers fill two cores.
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [SAMBA_FILES],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
      {
        // Each Samba file provisions its own AD DC on 127.0.0.1's fixed LDAP/Kerberos ports, so
        // these run one at a time.
        test: {
          name: 'integration-samba',
          include: [SAMBA_FILES],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'hostile',
          include: ['test/hostile/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
