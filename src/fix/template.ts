/** The values a stub template can use, each written `{{name}}`. */
export const STUB_FIELDS = [
  'hashes',
  'heading',
  'id',
  'title',
  'estimate',
  'priority',
  'label',
  'body',
  'origin',
] as const;

export type StubField = (typeof STUB_FIELDS)[number];
export type StubValues = Record<StubField, string>;

/**
 * The stub plan-audit writes unless the configuration says otherwise: the
 * heading, the item's own fields from the gap list, and a note that reads
 * as part of the plan, not as a code comment.
 */
export const DEFAULT_STUB_TEMPLATE = `{{hashes}} {{heading}}

{{body}}

> **To write:** plan-audit added this stub from the gap list ({{origin}}).
> Replace this note with how the plan covers the item.`;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const FIELD_SET: ReadonlySet<string> = new Set(STUB_FIELDS);

/**
 * What is wrong with a template, or null. The first line must be the
 * heading (`{{hashes}} ` and then the title): the audit finds a stub by its
 * heading, and a stub it cannot find would be added again on every run.
 */
export function templateProblem(template: string): string | null {
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!FIELD_SET.has(match[1])) {
      const known = STUB_FIELDS.map((name) => `{{${name}}}`).join(', ');
      return `unknown placeholder {{${match[1]}}}; expected one of ${known}`;
    }
  }

  const first =
    template.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  if (!/^\{\{\s*hashes\s*\}\}\s/.test(first)) {
    return 'the first line must be the heading: "{{hashes}} " and then {{heading}} or {{title}}';
  }
  if (!/\{\{\s*(heading|title)\s*\}\}/.test(first)) {
    return (
      'the heading line must contain {{heading}} or {{title}}, ' +
      'so that the audit finds the stub'
    );
  }
  return null;
}

/**
 * Fill in a template. A line that is only a placeholder takes the whole
 * (possibly multi-line) value and disappears when the value is empty; the
 * blank lines left around it fold into one, and the stub never starts or
 * ends with a blank line.
 */
export function renderTemplate(template: string, values: StubValues): string[] {
  const out: Array<{ text: string; fromValue: boolean }> = [];

  for (const line of template.split(/\r\n|\r|\n/)) {
    const alone = /^\s*\{\{\s*([A-Za-z]+)\s*\}\}\s*$/.exec(line);
    if (alone) {
      const value = values[alone[1] as StubField];
      if (value !== '')
        for (const text of value.split('\n'))
          out.push({ text, fromValue: true });
      continue;
    }

    const text = line
      .replace(PLACEHOLDER, (_, name: string) => values[name as StubField])
      .trimEnd();
    out.push({ text, fromValue: false });
  }

  const folded = out.filter(
    (line, index) =>
      line.fromValue || line.text !== '' || out[index - 1]?.text !== '',
  );
  const texts = folded.map((line) => line.text);
  while (texts.length > 0 && texts[0].trim() === '') texts.shift();
  while (texts.length > 0 && texts[texts.length - 1].trim() === '') texts.pop();
  return texts;
}
