import { distance } from 'fastest-levenshtein';

/**
 * Up to `max` of `candidates` close to `name`: the answer to "did you mean …?". Case, `_`,
 * `-`, `/` and spaces are ignored, so `throttle` finds `THROTTLED` and `errorCodes` finds
 * `error-codes`. The nearest by edit distance win (a small distance for the name's length);
 * failing those, candidates that contain it or that it contains (`RATE_LIMIT` →
 * `RATE_LIMIT_EXCEEDED`), when the name has at least 4 characters and the candidate at least
 * `minContained` (`Infinity`: by edit distance only).
 */
export function closestNames(name: string, candidates: Iterable<string>, { max = 3, minContained = 1 } = {}): string[] {
  const wanted = normaliseName(name);
  const limit = Math.max(1, Math.floor(wanted.length / 4));
  let best = Number.POSITIVE_INFINITY;
  let nearest: string[] = [];
  const containing: string[] = [];
  for (const candidate of candidates) {
    const normalised = normaliseName(candidate);
    const score = distance(wanted, normalised);
    if (score <= limit) {
      if (score < best) [best, nearest] = [score, []];
      if (score === best) nearest.push(candidate);
    } else if (wanted.length >= 4 && normalised.length >= minContained && (normalised.includes(wanted) || wanted.includes(normalised))) {
      containing.push(candidate);
    }
  }
  // Prefixes first (`RATE_LIMIT_EXCEEDED` before `EMAIL_RATE_LIMIT`), then the nearest in length.
  const rank = (candidate: string): number => (normaliseName(candidate).startsWith(wanted) ? 0 : 1000) + Math.abs(candidate.length - name.length);
  return (nearest.length > 0 ? nearest : containing).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, max);
}

/** A name without case, `_`, `-`, `/` and spaces: `error-codes`, `errorCodes` and `ERROR_CODES` are one name. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replaceAll(/[_\-/\s]/g, '');
}
