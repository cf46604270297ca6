/** The self-contained HTML test report and the model chart geometry the UI reuses. */
export { renderTestReportHtml, escapeHtml } from './render-test-report';
export { modelChartGeometry, formatSeconds, type ChartGeometry, type ChartPanel, type ChartBar, type ChartMetric } from './chart-geometry';
export { REPORT_STRINGS, type ReportLocale, type ReportStrings } from './report-strings';
export { renderGroupReportHtml, type GroupReportInput } from './render-group-report';
