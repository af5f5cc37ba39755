import type { Rule } from '../rules/load.js';

/**
 * The rule table `plan-audit rules` prints: every rule with its kind,
 * whether it is on, the file that set it and what it does.
 */
export function formatRuleList(
  rules: Rule[],
  relativeTo: (path: string) => string,
): string {
  const width = Math.max(...rules.map((rule) => rule.id.length), 4);
  const kindWidth = Math.max(...rules.map((rule) => rule.kind.length), 4);

  const lines = rules.map((rule) => {
    const state = rule.enabled ? 'on ' : 'off';
    const head = `${rule.id.padEnd(width)}  ${rule.kind.padEnd(kindWidth)}  ${state}  ${relativeTo(rule.source)}`;
    const indent = ' '.repeat(width + 2);
    return [
      head,
      ...wrap(rule.description, 78 - indent.length).map(
        (line) => indent + line,
      ),
    ].join('\n');
  });
  return `${lines.join('\n')}\n`;
}

/** Break text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
