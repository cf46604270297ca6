/** LDAP string handling that must be exact: RFC 4515 filter and RFC 4514 DN escaping. */
export * from './escape';
