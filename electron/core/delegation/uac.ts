/**
 * `userAccountControl` flag arithmetic (LDAP `UF_*` values, not the SAMR `USER_*` codes).
 */
const UF_ACCOUNTDISABLE = 0x2;
/** Unconstrained delegation. Ferry warns about it and never touches it. */
export const UF_TRUSTED_FOR_DELEGATION = 0x80000;
/** "Use any authentication protocol" (protocol transition), required for WS2016+ remote moves. */
export const UF_TRUSTED_TO_AUTH_FOR_DELEGATION = 0x1000000;

// UAC is a 32-bit value; `>>> 0` keeps the arithmetic unsigned so high bits never go negative.
export const hasFlag = (uac: number, flag: number): boolean => ((uac >>> 0) & flag) !== 0;
export const withFlag = (uac: number, flag: number): number => ((uac >>> 0) | flag) >>> 0;
export const withoutFlag = (uac: number, flag: number): number => ((uac >>> 0) & ~flag) >>> 0;
export const isEnabled = (uac: number): boolean => !hasFlag(uac, UF_ACCOUNTDISABLE);
