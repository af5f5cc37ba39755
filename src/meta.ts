import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package folder: `src/` or `dist/` sit directly below it. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The rules that ship with plan-audit. */
export const SHIPPED_RULES = fileURLToPath(
  new URL('../rules', import.meta.url),
);

export function packageRoot(): string {
  return PACKAGE_ROOT;
}

let version: string | undefined;

/** The version in package.json, read once. */
export function toolVersion(): string {
  version ??= (
    JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
  return version;
}

export const TOOL_NAME = 'plan-audit';
