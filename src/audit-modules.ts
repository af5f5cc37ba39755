/**
 * Everything the audit command needs beyond the command line itself,
 * gathered so that `cli.ts` can load it with one `import()` when an audit
 * actually runs: `--version` and `--help` then never load the Markdown
 * parser, the YAML reader or the matchers.
 */
export { audit } from './audit.js';
export { findConfigFile } from './config/find.js';
export { configRuleSources, loadConfigFile } from './config/load.js';
export { extractGapItems } from './gaps/extract.js';
export { readSourceFile } from './input/read.js';
export { waitForChange } from './input/watch.js';
export { cacheFolder } from './plan/cache.js';
export { prepareOutline } from './plan/prepare.js';
export { formatExplanation } from './report/explain.js';
export { formatJson } from './report/json.js';
export { parsingMessage, Progress } from './report/progress.js';
export { formatText } from './report/text.js';
export { loadRules } from './rules/load.js';
