import { formatCompact } from './compact.js';
import type { ReportContext } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** How a report may look where it is written. */
export interface FormatOptions {
  /** ANSI colour; only the text format uses it, and only for a terminal. */
  color: boolean;
}

/** A report format: a pure function from the audit to a string. */
export interface ReportFormat {
  name: string;
  summary: string;
  format(context: ReportContext, options: FormatOptions): string;
}

const LIST: ReportFormat[] = [
  {
    name: 'text',
    summary: 'the human report (default)',
    format: (context, options) => formatText(context, options),
  },
  {
    name: 'json',
    summary: 'the JSON contract (docs/json-report.md)',
    format: formatJson,
  },
  {
    name: 'sarif',
    summary: 'SARIF 2.1.0 for GitHub code scanning',
    format: formatSarif,
  },
  {
    name: 'junit',
    summary: 'JUnit XML for CI test reports',
    format: formatJunit,
  },
  {
    name: 'github',
    summary: 'GitHub Actions annotations (+ job summary)',
    format: formatGithub,
  },
  {
    name: 'markdown',
    summary: 'a Markdown table for pull-request comments',
    format: formatMarkdown,
  },
  {
    name: 'compact',
    summary: 'path:line:col: severity: message [rule]',
    format: formatCompact,
  },
];

/** Every format by name; the CLI offers exactly these. */
export const FORMATS: ReadonlyMap<string, ReportFormat> = new Map(
  LIST.map((entry) => [entry.name, entry]),
);
