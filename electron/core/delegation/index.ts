/** Kerberos constrained delegation for live migration: entries, UAC arithmetic, plans. */
export * from './uac';
export * from './entries';
export * from './plan';
export * from './audit-flag';
export * from './domains';
export * from './security-descriptor';
