import type { Config } from '../config/load.js';
import { DEFAULT_STUB_TEMPLATE, templateProblem } from './template.js';

/** What `fix` reads from the `fix:` key of `.plan-audit.yml`. */
export interface FixSettings {
  /** The stub template; see {@link DEFAULT_STUB_TEMPLATE}. */
  template: string;
}

const FIX_KEYS = new Set(['template']);

/** The `fix:` settings, checked; defaults when the file or key is absent. */
export function fixSettings(config: Config | null): FixSettings {
  const section = config?.values.fix;
  if (config === null || section === undefined || section === null) {
    return { template: DEFAULT_STUB_TEMPLATE };
  }

  if (!isPlainObject(section)) {
    throw config.error(
      ['fix'],
      '"fix" must be a mapping, such as "fix:" and then "template: |" below it',
    );
  }
  for (const key of Object.keys(section)) {
    if (!FIX_KEYS.has(key)) {
      throw config.error(
        ['fix', key],
        `unknown key "fix.${key}"; expected ${[...FIX_KEYS].join(', ')}`,
      );
    }
  }

  const template = section.template ?? DEFAULT_STUB_TEMPLATE;
  if (typeof template !== 'string') {
    throw config.error(
      ['fix', 'template'],
      '"fix.template" must be text (use "template: |" for several lines)',
    );
  }
  const problem = templateProblem(template);
  if (problem)
    throw config.error(['fix', 'template'], `"fix.template": ${problem}`);

  return { template };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
