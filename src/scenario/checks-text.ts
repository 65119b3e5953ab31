/**
 * Checks on scenario text: every text map holds every declared language (warning), holds no
 * language the scenario does not declare (warning), and `{{n}}` appears only in rounds.label.
 */
import { asStr, isObj } from './context';
import type { PathSegment, Reporter } from './problems';

/** Fields whose value is a Text (a string or a map of language → string). */
const TEXT_KEYS = new Set([
  'title',
  'summary',
  'audience',
  'name',
  'brief',
  'label',
  'text',
  'ask',
  'reveals',
  'reflect',
  'log',
]);

export function checkTexts(data: Record<string, unknown>, report: Reporter): void {
  const languages = Array.isArray(data.languages)
    ? data.languages.filter((l): l is string => typeof l === 'string')
    : [];
  const fallback = languages[0] ?? '';

  const checkText = (value: unknown, path: PathSegment[]) => {
    if (!isObj(value)) return;
    const keys = Object.keys(value);
    // zod's record skips a "__proto__" key silently; it is still a wrong language code.
    if (keys.includes('__proto__'))
      report([...path, '__proto__'], 'bad-language', { value: '__proto__' }, 'error', true);
    if (languages.length === 0 || !keys.every((k) => typeof value[k] === 'string')) return; // the schema reports the shape
    for (const lang of languages) {
      if (!keys.includes(lang)) {
        report(path, 'missing-translation', { lang, languages: languages.join(', '), fallback }, 'warning');
      }
    }
    for (const k of keys) {
      if (!languages.includes(k)) {
        report(
          [...path, k],
          'unknown-language',
          { lang: k, languages: languages.join(', ') },
          'warning',
          true,
        );
      }
    }
  };

  const walk = (v: unknown, path: PathSegment[], inText: boolean, depth: number) => {
    if (depth > 80) return;
    if (typeof v === 'string') {
      const isRoundLabel = path[0] === 'rounds' && path[1] === 'label';
      if (inText && !isRoundLabel && v.includes('{{')) report(path, 'placeholder-misplaced', {});
      return;
    }
    if (Array.isArray(v)) {
      const inQuestions = path[path.length - 1] === 'questions' && path[0] === 'debrief';
      v.forEach((item, i) => {
        if (inQuestions) checkText(item, [...path, i]);
        walk(item, [...path, i], inQuestions, depth + 1);
      });
      return;
    }
    if (!isObj(v)) return;
    for (const key of Object.keys(v)) {
      const child = v[key];
      const isText = inText || TEXT_KEYS.has(key);
      if (TEXT_KEYS.has(key) && !inText) checkText(child, [...path, key]);
      walk(child, [...path, key], isText, depth + 1);
    }
  };
  walk(data, [], false, 0);

  const rounds = data.rounds;
  if (isObj(rounds) && rounds.label !== undefined) {
    const label = rounds.label;
    const variants =
      typeof label === 'string' ? [label] : isObj(label) ? Object.values(label).map(asStr) : [];
    if (variants.some((s) => typeof s === 'string' && !s.includes('{{n}}'))) {
      report(['rounds', 'label'], 'round-label-no-number', {}, 'warning');
    }
  }
}
