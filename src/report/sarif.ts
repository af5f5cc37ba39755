import type { ReportContext } from './context.js';
import { outcomeOf } from './context.js';
import {
  ITEM_RULES,
  type Place,
  type Problem,
  problemsOf,
} from './problems.js';

/** The schema SARIF consumers expect in `$schema`. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface RuleInfo {
  id: string;
  name: string;
  summary: string;
  level: 'error' | 'warning' | 'note';
}

/** The rules every SARIF log declares, in a fixed order. */
const RULES: RuleInfo[] = [
  {
    id: ITEM_RULES.missing,
    name: 'MissingItem',
    summary: 'A required item of the gap list has no place in the plan.',
    level: 'error',
  },
  {
    id: ITEM_RULES.partial,
    name: 'PartialItem',
    summary: 'The plan mentions an item but gives it no section.',
    level: 'warning',
  },
  {
    id: ITEM_RULES.duplicate,
    name: 'DuplicateItem',
    summary: 'Two or more plan sections cover the same item.',
    level: 'warning',
  },
  {
    id: ITEM_RULES['not-removed'],
    name: 'ItemNotRemoved',
    summary: 'The gap list asks to remove an item the plan still has.',
    level: 'error',
  },
  {
    id: 'plan-audit/conflicting-priority',
    name: 'ConflictingPriority',
    summary: 'A gap item states more than one priority.',
    level: 'warning',
  },
];

/**
 * SARIF 2.1.0, as GitHub code scanning takes it. Rule ids are stable per
 * kind; missing and partial items point at the gap list, duplicates and
 * items not removed at the plan; `partialFingerprints` come from the
 * item's id or title, so results keep their identity when lines shift.
 */
export function formatSarif(context: ReportContext): string {
  const problems = problemsOf(context);
  const rules = [...RULES];
  for (const problem of problems) {
    if (!rules.some((rule) => rule.id === problem.rule)) {
      rules.push({
        id: problem.rule,
        name: problem.title,
        summary: problem.title,
        level: problem.severity,
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [invocation(context)],
        results: problems.map((problem) => result(problem, rules)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleInfo): object {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    defaultConfiguration: { level: rule.level },
  };
}

function invocation(context: ReportContext): object {
  const outcome = outcomeOf(context);
  return {
    executionSuccessful: true,
    exitCode: outcome.exitCode,
    ...(outcome.reasons.length > 0
      ? { exitCodeDescription: outcome.reasons.join('; ') }
      : {}),
  };
}

function result(problem: Problem, rules: RuleInfo[]): object {
  const { outcome } = problem;
  return {
    ruleId: problem.rule,
    ruleIndex: rules.findIndex((rule) => rule.id === problem.rule),
    level: problem.severity,
    message: { text: problem.message },
    locations: [location(problem.place)],
    ...(problem.related.length > 0
      ? {
          relatedLocations: problem.related.map((place, index) => ({
            id: index + 1,
            ...location(place),
          })),
        }
      : {}),
    partialFingerprints: { 'planAuditItem/v1': problem.fingerprint },
    ...(outcome
      ? {
          properties: {
            priority: outcome.judgement.item.priority,
            verdict: outcome.kind,
            ...(outcome.waived ? { waived: outcome.waived } : {}),
          },
        }
      : {}),
  };
}

function location(place: Place): {
  physicalLocation: object;
  message?: { text: string };
} {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(place.file) },
      region: {
        startLine: Math.max(1, place.line),
        ...(place.endLine !== undefined && place.endLine > place.line
          ? { endLine: place.endLine }
          : {}),
      },
    },
    ...(place.note ? { message: { text: place.note } } : {}),
  };
}

/** A path as a URI reference: forward slashes, escaped; absolute ones as file URIs. */
export function toUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');

  if (/^[A-Za-z]:\//.test(slashed))
    return `file:///${encoded.replace('%3A', ':')}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}
