export { buildPlan, PlanInputError, type BuildPlanInput } from './build-plan';
export { exportPlanScript, describeStep } from './export-script';
export { hostSteps, stepForChange, NETWORK_SETTING } from './host-steps';
export { rollbackSteps, channelForSetting, LDAP_SETTINGS, type RollbackPlanParts } from './inverse';
export { quotePs, psBool, psInt } from './ps-quote';
