/** Groups of hosts as the unit of work: pairs, topologies, facts gathered once per host, readiness. */
export * from './group';
export * from './group-issue';
export * from './group-facts';
export * from './readiness';
export * from './requests';
