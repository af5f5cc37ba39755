import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { audit, type AuditResult } from '../src/audit.js';
import { type CliIo, main } from '../src/cli.js';
import { sourceFromText } from '../src/input/read.js';
import { SHIPPED_RULES } from '../src/meta.js';
import { loadRules } from '../src/rules/load.js';

/** Audit two Markdown texts with the shipped rules. */
export function auditTexts(plan: string, gaps: string): AuditResult {
  return audit(
    sourceFromText('plan.md', plan),
    sourceFromText('gaps.md', gaps),
    loadRules([SHIPPED_RULES]),
  );
}

/** Markdown from an indented template literal: the common indent is removed. */
export function md(
  strings: TemplateStringsArray,
  ...values: unknown[]
): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(
    ...text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => /^ */.exec(line)![0].length),
  );
  return text
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

/** Run the CLI in-process and capture what it writes. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  io: Partial<CliIo> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    stdoutIsTty: false,
    ...io,
  });
  return { code, stdout, stderr };
}

/** Write files into a fresh temporary folder; returns the folder. */
export function tempFiles(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'plan-audit-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(folder, name), content);
  return folder;
}

/**
 * What one rule said about the first item of a gap list: the headings it
 * accepted and rejected, by title.
 */
export function ruleSays(
  rule: string,
  plan: string,
  gaps: string,
): { accepted: string[]; rejected: string[] } {
  const result = auditTexts(plan, gaps);
  const evidence = result.judgements[0].evidence.filter(
    (entry) => entry.rule === rule && entry.section !== null,
  );
  const title = (section: number | null) =>
    result.outline.sections[section as number].title;

  return {
    accepted: evidence
      .filter((entry) => entry.accepted)
      .map((entry) => title(entry.section)),
    rejected: evidence
      .filter((entry) => !entry.accepted)
      .map((entry) => title(entry.section)),
  };
}
