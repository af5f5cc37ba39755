/**
 * Deterministic synthetic plans and gap lists for the benchmark.
 *
 * The same (kind, lines, items) always gives the same bytes: a small
 * seeded generator picks words, section shapes and which items the plan
 * covers, so figures from two runs or two machines compare like for like.
 *
 * A title is a subject (an invented component name such as "Kalove")
 * followed by two to four topic words, as in "Kalove Cache Retry Budget".
 * The subjects grow with the plan, about one for every three sections,
 * the way a real plan of ten times the size names about ten times the
 * components: a word is shared by a few headings, not by a fixed share of
 * them. `subjects: false` leaves them out, for the stress case of
 * `bench/match.mjs` whose titles all come from one small vocabulary.
 */

const WORDS = (
  'account access alert api archive audit auth backup batch billing broker ' +
  'budget build cache canary capacity catalog certificate change checkout ' +
  'cluster config consent container contract cost coverage cron dashboard ' +
  'data database deploy design discovery dns docker domain drift email ' +
  'encryption endpoint error event export failover feature feedback file ' +
  'firewall flag gateway governance grpc handoff health helm identity image ' +
  'incident index ingest inventory invoice job kafka key kubernetes latency ' +
  'ledger license limit load log login mail metric migration mobile model ' +
  'monitor network notification oauth observability onboarding order ' +
  'outage pager partition password payment performance permission pipeline ' +
  'policy pool privacy profile proxy queue quota rate recovery redis ' +
  'refund region release replica report request resilience retention retry ' +
  'review rollback rollout routing runbook sandbox scaling schema search ' +
  'secret security session shard signing snapshot sla slo storage stream ' +
  'subscription support sync tenant terraform test threat throttle token ' +
  'tracing traffic training upgrade upload usage user vault vendor version ' +
  'webhook workflow worker zone'
).split(/\s+/);

const FILLER = (
  'the service keeps every request within its budget and reports what ' +
  'it cannot finish so that the team on call sees the problem before a ' +
  'customer does while the rollout waits for the checks to pass'
).split(' ');

/** A small seeded generator (mulberry32): fast and the same everywhere. */
function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

const SYLLABLES =
  'ka lo ve ri to mu sa ne di po ga zu fe ni ro bi te la mo ke'.split(' ');

/** The `number`th subject name: distinct numbers give distinct names. */
function subjectName(number) {
  const parts = [];
  let rest = number;
  do {
    parts.push(SYLLABLES[rest % SYLLABLES.length]);
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || parts.length < 3);
  return parts.join('');
}

/**
 * Titles of a plan of `sectionCount` sections: {@link title} draws from
 * it. Without subjects, titles are topic words alone.
 */
function titleMaker(sectionCount, subjects = true) {
  const subjectCount = Math.max(20, Math.ceil(sectionCount / 3));
  return (random) => {
    const count = 2 + Math.floor(random() * 3);
    const words = [];
    if (subjects) words.push(subjectName(Math.floor(random() * subjectCount)));
    for (let index = 0; index < count; index++) words.push(pick(random, WORDS));
    return words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
  };
}

function sentence(random, extra = []) {
  const words = [];
  const length = 8 + Math.floor(random() * 8);
  for (let index = 0; index < length; index++) words.push(pick(random, FILLER));
  words.splice(Math.floor(random() * words.length), 0, ...extra);
  return words.join(' ') + '.';
}

/** One body block of a section, as lines; shapes cycle through GFM. */
function body(random, lines, mention) {
  const shape = Math.floor(random() * 6);
  const words = mention ? mention.toLowerCase().split(' ') : [];

  if (shape === 0) {
    lines.push(sentence(random, words), sentence(random), sentence(random));
  } else if (shape === 1) {
    lines.push(`- ${sentence(random, words)}`, `- ${sentence(random)}`);
    lines.push(`  - ${sentence(random)}`, `  - ~~${sentence(random)}~~`);
    lines.push(`- ${sentence(random)}`);
  } else if (shape === 2) {
    lines.push(`- [x] ${sentence(random, words)}`, `- [ ] ${sentence(random)}`);
    lines.push(`- [ ] ${sentence(random)}`);
  } else if (shape === 3) {
    lines.push('| Step | Owner | Notes |', '| --- | --- | --- |');
    lines.push(`| ${pick(random, WORDS)} | sre | ${sentence(random, words)} |`);
    lines.push(`| ${pick(random, WORDS)} | backend | ${sentence(random)} |`);
  } else if (shape === 4) {
    lines.push('```bash', '# not a heading: a shell comment inside code');
    lines.push(`kubectl rollout status deploy/${pick(random, WORDS)}`, '```');
  } else {
    lines.push(
      `> **Note:** ${sentence(random, words)}`,
      `> ${sentence(random)}`,
    );
  }
  lines.push('');
}

/**
 * A plan of about `lineCount` lines: a top-level heading every ~40
 * sections, `##`/`###` sections of ~20 lines, mixed GFM bodies. Returns
 * the text, its section titles and the titles mentioned in its bodies, so
 * the gap list can refer to them, and its title maker for titles the plan
 * lacks.
 */
export function generatePlan(lineCount, seed = 7, { subjects = true } = {}) {
  const random = randomFrom(seed);
  const title = titleMaker(lineCount / 22, subjects);
  const lines = ['---', 'title: Synthetic plan', '# owner: bench', '---', ''];
  const titles = [];
  const mentioned = [];
  let part = 0;

  while (lines.length < lineCount) {
    if (titles.length % 40 === 0) {
      part++;
      lines.push(`# Part ${part}: ${title(random)}`, '', sentence(random), '');
    }

    const heading = title(random);
    titles.push(heading);
    lines.push(
      `${random() < 0.7 ? '##' : '###'} ${titles.length}. ${heading}`,
      '',
    );
    const end = lines.length + 18;
    while (lines.length < end) {
      const mention = random() < 0.2 ? title(random) : null;
      if (mention) mentioned.push(mention);
      body(random, lines, mention);
    }
  }

  return {
    text: lines.slice(0, lineCount).join('\n') + '\n',
    titles,
    mentioned,
    title,
  };
}

/**
 * A gap list of `itemCount` "Gap N:" items: about half name a section of
 * the plan, a quarter only appear in its body (`mentions`), the rest are
 * missing. `plan` is what {@link generatePlan} returned.
 */
export function generateGapList(itemCount, plan, seed = 11) {
  const { titles, mentioned = [], title } = plan;
  const random = randomFrom(seed);
  const lines = ['# Gap analysis', '', sentence(random), ''];
  const priorities = ['🔴 CRITICAL', '🟠 HIGH', '🟡 MEDIUM', '🟢 LOW'];

  for (let index = 1; index <= itemCount; index++) {
    if ((index - 1) % Math.ceil(itemCount / 4) === 0) {
      lines.push(
        `## ${priorities[Math.floor(((index - 1) * 4) / itemCount)]}`,
        '',
      );
    }

    const roll = random();
    let name = title(random);
    if (roll < 0.5 && titles.length > 0) name = pick(random, titles);
    else if (roll < 0.75 && mentioned.length > 0)
      name = pick(random, mentioned);
    lines.push(
      `### Gap ${index}: ${name} (${1 + Math.floor(random() * 4)} Hours)`,
      '',
    );
    lines.push(
      `**Missing**: ${sentence(random)}`,
      `**Impact**: ${sentence(random)}`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * A plan that is mostly long nested lists under a few headings: the shape
 * that makes micromark 4.0.3 slow down quadratically.
 */
export function generateListPlan(lineCount, seed = 13) {
  const random = randomFrom(seed);
  const title = titleMaker(lineCount / 500);
  const lines = [];
  const titles = [];

  while (lines.length < lineCount) {
    const heading = title(random);
    titles.push(heading);
    lines.push(`## ${heading}`, '');
    for (let item = 0; item < 500 && lines.length < lineCount; item++) {
      lines.push(`- ${sentence(random)}`);
      if (item % 3 === 0)
        lines.push(`  - ${sentence(random)}`, `    - ${sentence(random)}`);
    }
    lines.push('');
  }
  return {
    text: lines.slice(0, lineCount).join('\n') + '\n',
    titles,
    title,
  };
}
