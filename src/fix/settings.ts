import type { ConfigFile } from '../config/load.js';
import { RuleFileError } from '../rules/load.js';
import { DEFAULT_STUB_TEMPLATE, templateProblem } from './template.js';

/** What `fix` reads from the `fix:` key of `.plan-audit.yml`. */
export interface FixSettings {
  /** The stub template; see {@link DEFAULT_STUB_TEMPLATE}. */
  template: string;
}

const FIX_KEYS = new Set(['template']);

/**
 * The `fix:` settings, checked like the rest of the config (`file:line:
 * message`); the defaults when there is no file or no `fix:` key.
 */
export function fixSettings(config: ConfigFile | null): FixSettings {
  const section = config?.data.fix;
  if (config === null || section === undefined || section === null) {
    return { template: DEFAULT_STUB_TEMPLATE };
  }

  const fail = (path: string[], message: string) =>
    new RuleFileError([
      { file: config.path, line: config.lineOf(path), message },
    ]);

  if (!isPlainObject(section)) {
    throw fail(['fix'], '"fix" must be a mapping with a "template:" key');
  }
  for (const key of Object.keys(section)) {
    if (!FIX_KEYS.has(key)) {
      const expected = [...FIX_KEYS].join(', ');
      throw fail(
        ['fix', key],
        `unknown key "fix.${key}"; expected ${expected}`,
      );
    }
  }

  const template = section.template ?? DEFAULT_STUB_TEMPLATE;
  if (typeof template !== 'string') {
    throw fail(
      ['fix', 'template'],
      '"fix.template" must be text (use "template: |" for several lines)',
    );
  }
  const problem = templateProblem(template);
  if (problem) throw fail(['fix', 'template'], `"fix.template": ${problem}`);

  return { template };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
