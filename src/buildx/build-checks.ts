/**
 * BuildKit's build checks (`call: check`, and the warnings a build reports) as
 * findings at Dockerfile lines, for `::warning` annotations beside the
 * layer-order advice. Two sources, both pure JSON:
 *
 * - `--call=check,format=json` prints BuildKit's lint result on stdout:
 *   `{ warnings: [{ ruleName, description, detail, url, location: { sourceIndex,
 *   ranges: [{ start: { line } }] } }], sources: [{ fileName }] }`;
 * - the metadata file's `buildx.build.warnings` (Buildx 0.14+): BuildKit's
 *   vertex warnings, `{ short (base64), detail: [base64], url, sourceInfo:
 *   { filename }, range: [{ start: { line } }] }`.
 */

export interface CheckFinding {
  rule?: string;
  message: string;
  /** The Dockerfile as BuildKit named it (its base name, usually). */
  file?: string;
  line?: number;
  url?: string;
}

interface LintRange {
  start?: { line?: number };
}

interface LintResult {
  warnings?: { ruleName?: string; description?: string; detail?: string; url?: string; location?: { sourceIndex?: number; ranges?: LintRange[] } }[];
  sources?: { fileName?: string }[];
}

/** Findings of a `--call=check,format=json` run; [] when the text is not its JSON. */
export function parseCheckOutput(stdout: string): CheckFinding[] {
  let result: LintResult;
  try {
    result = JSON.parse(stdout.trim()) as LintResult;
  } catch {
    return [];
  }
  return (result.warnings ?? []).map((warning) => ({
    rule: warning.ruleName,
    message: [warning.description, warning.detail].filter(Boolean).join(': '),
    file: result.sources?.[warning.location?.sourceIndex ?? 0]?.fileName,
    line: warning.location?.ranges?.[0]?.start?.line,
    url: warning.url,
  }));
}

interface VertexWarning {
  short?: string;
  detail?: string[];
  url?: string;
  sourceInfo?: { filename?: string };
  range?: LintRange[];
}

/** Findings from the metadata file's `buildx.build.warnings`. */
export function parseMetadataWarnings(warnings: unknown): CheckFinding[] {
  if (!Array.isArray(warnings)) return [];
  return (warnings as VertexWarning[]).map((warning) => {
    const short = decode(warning.short);
    // BuildKit's short text reads `RuleName: description (line N)`.
    const rule = /^([A-Z][A-Za-z]+):\s/.exec(short)?.[1];
    return {
      rule,
      message: [short.replace(/^([A-Z][A-Za-z]+):\s/, ''), ...(warning.detail ?? []).map(decode)].filter(Boolean).join(' '),
      file: warning.sourceInfo?.filename,
      line: warning.range?.[0]?.start?.line,
      url: warning.url,
    };
  });
}

/** `call` asks for an evaluation (check, outline, targets), not an image. */
export function evaluatesOnly(call: string): boolean {
  return call !== '' && call.split(',')[0]!.trim() !== 'build';
}

/** `check` answers in JSON unless a format is given, so that its findings can be read. */
export function callFlagValue(call: string): string {
  return call.split(',')[0]!.trim() === 'check' && !/(^|,)\s*format=/.test(call) ? `${call},format=json` : call;
}

function decode(text: string | undefined): string {
  return text ? Buffer.from(text, 'base64').toString('utf8').trim() : '';
}
