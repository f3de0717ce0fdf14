// Parses the "Koblingslogg" (connection log) that "Test og Lagre" writes, into typed steps:
// connect -> service with a known service code -> practitioners with free slots in the next 7 days.
//
// Input is whatever we got: the API's `[{ level, text }]`, the page's text lines, or one multi-line string.
// Tolerant of case, extra whitespace, "[ERROR]" / "ERROR:" prefixes and unknown lines (kept verbatim).
// Pure; never throws, whatever the input (see log.test.ts: arbitrary strings, lone surrogates, 100k chars).

export type LogLevel = 'ok' | 'error' | 'warning' | 'info';

/** One line of the log, recognised or not. `raw` is the line as given (without its line break). */
export type LogEntry =
  | { readonly kind: 'connect'; readonly level: LogLevel | null; readonly raw: string }
  | { readonly kind: 'service'; readonly level: LogLevel | null; readonly raw: string }
  /** "OK Found 3 practitioners with free slots in the next 7 days" / "WARNING Found 0 …". */
  | { readonly kind: 'practitioners'; readonly level: LogLevel | null; readonly count: number; readonly days: number; readonly raw: string }
  /** "WARNING Could not read practitioners from booking system". */
  | { readonly kind: 'practitioners-unreadable'; readonly level: LogLevel | null; readonly raw: string }
  /** "WARNING No free slots in the next 7 days for <name>" (name = the vendor's display name). */
  | { readonly kind: 'no-free-slots'; readonly level: LogLevel | null; readonly name: string; readonly days: number; readonly raw: string }
  /** "WARNING Could not read free slots for <name>". */
  | { readonly kind: 'slots-unreadable'; readonly level: LogLevel | null; readonly name: string; readonly raw: string }
  /** The final "Suksess" / "Feilet". */
  | { readonly kind: 'result'; readonly success: boolean; readonly raw: string }
  | { readonly kind: 'unknown'; readonly level: LogLevel | null; readonly raw: string };

/**
 * - `ok`: the line says OK (or a later step / "Suksess" shows it passed).
 * - `failed`: the line says ERROR (or the log ends in "Feilet" right after it).
 * - `unclear`: the line is there but says neither, and nothing later settles it.
 * - `missing`: no line for this step.
 */
export type StepOutcome = 'ok' | 'failed' | 'unclear' | 'missing';

export interface PractitionerStep {
  /** From "Found N practitioners …"; null when that line is missing. */
  readonly withSlots: number | null;
  /** Vendor display names from "No free slots in the next 7 days for <name>", in log order, without duplicates. */
  readonly withoutSlots: readonly string[];
  /** Vendor display names from "Could not read free slots for <name>". */
  readonly unreadable: readonly string[];
  /** "Could not read practitioners from booking system". */
  readonly listUnreadable: boolean;
}

export interface ParsedLog {
  readonly entries: readonly LogEntry[];
  readonly connect: StepOutcome;
  readonly service: StepOutcome;
  readonly practitioners: PractitionerStep;
  /** The final line; null when the log has none (still running, cut off, or not a Koblingslogg). */
  readonly result: 'success' | 'failure' | null;
  /** Lines beyond {@link MAX_LOG_LINES} were dropped. */
  readonly truncated: boolean;
}

/** A log line as the API gives it, or as a page shows it. */
export type RawLogLine = string | { readonly level?: unknown; readonly text?: unknown };

export const MAX_LOG_LINES = 1000;
/** Longer lines are never a known line (the longest known one is ~60 chars + a name); kept verbatim as unknown. */
const MAX_MATCH_LENGTH = 600;

const LEVEL_WORDS: Readonly<Record<string, LogLevel>> = {
  ok: 'ok',
  success: 'ok',
  error: 'error',
  err: 'error',
  feil: 'error',
  warning: 'warning',
  warn: 'warning',
  advarsel: 'warning',
  info: 'info',
};

const LEVEL_PREFIX = /^\[?\s*(ok|error|err|feil|warning|warn|advarsel|info)\s*\]?\s*(?:[:\-–]\s*|\s+|$)/i;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;

const CONNECT = /^connect(?:ing|ion)?\s+to\s+(?:the\s+)?booking[\s-]*system$/i;
const SERVICE = /^found\s+at\s+least\s+(?:one|1)\s+service\s+with\s+(?:a\s+)?known\s+service[\s-]*code$/i;
const PRACTITIONERS = /^found\s+(\d{1,6})\s+practitioners?\s+with\s+free\s+slots?\s+in\s+the\s+next\s+(\d{1,3})\s+days?$/i;
const PRACTITIONERS_UNREADABLE = /^could\s+not\s+read\s+practitioners\s+from\s+(?:the\s+)?booking[\s-]*system$/i;
const NO_FREE_SLOTS = /^no\s+free\s+slots?\s+in\s+the\s+next\s+(\d{1,3})\s+days?\s+for\s+(.+)$/i;
const SLOTS_UNREADABLE = /^could\s+not\s+read\s+free\s+slots?\s+for\s+(.+)$/i;
const SUCCESS = /^(?:suksess|success|vellykket)$/i;
const FAILURE = /^(?:feilet|failed|failure|mislyktes)$/i;

function levelOf(value: unknown): LogLevel | null {
  if (typeof value !== 'string') return null;
  return LEVEL_WORDS[value.trim().toLowerCase()] ?? null;
}

/** Whitespace collapsed, invisible characters removed, trailing full stop dropped. */
function tidy(line: string): string {
  let out = line.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  // Not /[.!]+$/: that regex is quadratic on a long run of dots followed by something else.
  let end = out.length;
  while (end > 0 && (out[end - 1] === '.' || out[end - 1] === '!')) end--;
  if (end < out.length) out = out.slice(0, end).trimEnd();
  return out;
}

/** Recognises one line. `hintLevel` is the API's `level` field (the text's own prefix wins). */
export function parseLogLine(raw: string, hintLevel: unknown = null): LogEntry {
  try {
    return classify(raw, levelOf(hintLevel));
  } catch {
    return { kind: 'unknown', level: null, raw: typeof raw === 'string' ? raw : '' };
  }
}

function classify(raw: string, hint: LogLevel | null): LogEntry {
  let body = tidy(raw);
  if (body.length > MAX_MATCH_LENGTH) return { kind: 'unknown', level: hint, raw };
  let level = hint;
  const prefix = LEVEL_PREFIX.exec(body);
  // "OK" alone is not a level prefix of an empty line; "Success" alone is the final line, not a level.
  if (prefix && prefix[0].length < body.length) {
    level = levelOf(prefix[1]) ?? level;
    body = body.slice(prefix[0].length).trim();
  }
  if (SUCCESS.test(body)) return { kind: 'result', success: true, raw };
  if (FAILURE.test(body)) return { kind: 'result', success: false, raw };
  if (CONNECT.test(body)) return { kind: 'connect', level, raw };
  if (SERVICE.test(body)) return { kind: 'service', level, raw };
  let m = PRACTITIONERS.exec(body);
  if (m) return { kind: 'practitioners', level, count: Number(m[1]), days: Number(m[2]), raw };
  if (PRACTITIONERS_UNREADABLE.test(body)) return { kind: 'practitioners-unreadable', level, raw };
  m = NO_FREE_SLOTS.exec(body);
  if (m) return { kind: 'no-free-slots', level, days: Number(m[1]), name: m[2]!.trim(), raw };
  m = SLOTS_UNREADABLE.exec(body);
  if (m) return { kind: 'slots-unreadable', level, name: m[1]!.trim(), raw };
  return { kind: 'unknown', level, raw };
}

/** Flattens the accepted input shapes into (text, level hint) pairs; ignores anything else. */
function* rawLines(input: unknown): Generator<[string, unknown]> {
  if (typeof input === 'string') {
    for (const line of input.split(LINE_BREAK)) yield [line, null];
    return;
  }
  if (!Array.isArray(input)) return;
  for (const item of input as unknown[]) {
    if (typeof item === 'string') {
      for (const line of item.split(LINE_BREAK)) yield [line, null];
    } else if (item !== null && typeof item === 'object') {
      let text: unknown;
      let level: unknown;
      try {
        text = (item as { text?: unknown }).text;
        level = (item as { level?: unknown }).level;
      } catch {
        continue; // a hostile getter
      }
      if (typeof text !== 'string') continue;
      for (const line of text.split(LINE_BREAK)) yield [line, level];
    }
  }
}

const EMPTY: ParsedLog = Object.freeze({
  entries: Object.freeze([]),
  connect: 'missing',
  service: 'missing',
  practitioners: Object.freeze({ withSlots: null, withoutSlots: Object.freeze([]), unreadable: Object.freeze([]), listUnreadable: false }),
  result: null,
  truncated: false,
}) as ParsedLog;

/** Parses a whole Koblingslogg. Never throws; anything unreadable gives an empty log. */
export function parseLog(input: unknown): ParsedLog {
  try {
    const entries: LogEntry[] = [];
    let truncated = false;
    for (const [text, level] of rawLines(input)) {
      if (tidy(text) === '') continue;
      if (entries.length >= MAX_LOG_LINES) {
        truncated = true;
        break;
      }
      entries.push(parseLogLine(text, level));
    }
    return summarise(entries, truncated);
  } catch {
    return EMPTY;
  }
}

function summarise(entries: LogEntry[], truncated: boolean): ParsedLog {
  let result: 'success' | 'failure' | null = null;
  for (const e of entries) if (e.kind === 'result') result = e.success ? 'success' : 'failure';
  const connectLine = entries.find((e) => e.kind === 'connect');
  const serviceLine = entries.find((e) => e.kind === 'service');
  const practitionerLines = entries.filter((e) => e.kind === 'practitioners' || e.kind === 'practitioners-unreadable' || e.kind === 'no-free-slots' || e.kind === 'slots-unreadable');

  const service = outcome(serviceLine, practitionerLines.length > 0, result);
  const connect = outcome(connectLine, serviceLine !== undefined || practitionerLines.length > 0, result);

  let withSlots: number | null = null;
  let listUnreadable = false;
  const withoutSlots: string[] = [];
  const unreadable: string[] = [];
  for (const e of practitionerLines) {
    if (e.kind === 'practitioners') withSlots = e.count;
    else if (e.kind === 'practitioners-unreadable') listUnreadable = true;
    else if (e.kind === 'no-free-slots' && !withoutSlots.includes(e.name)) withoutSlots.push(e.name);
    else if (e.kind === 'slots-unreadable' && !unreadable.includes(e.name)) unreadable.push(e.name);
  }
  return {
    entries,
    connect,
    service,
    practitioners: { withSlots, withoutSlots, unreadable, listUnreadable },
    result,
    truncated,
  };
}

/**
 * A step's outcome: its line's level wins; a line without a level passed if a later step is in the log
 * or the test ended in "Suksess", failed if the log ends in "Feilet" with nothing after it.
 */
function outcome(line: LogEntry | undefined, laterStep: boolean, result: 'success' | 'failure' | null): StepOutcome {
  if (line === undefined) {
    if (laterStep || result === 'success') return 'ok';
    return 'missing';
  }
  const level = 'level' in line ? line.level : null;
  if (level === 'error') return 'failed';
  if (level === 'ok') return 'ok';
  if (laterStep || result === 'success') return 'ok';
  if (result === 'failure') return 'failed';
  return level === 'warning' ? 'failed' : 'unclear';
}

/** The log as display lines (verbatim, trimmed), for showing or quoting. */
export function logLines(log: ParsedLog): string[] {
  return log.entries.map((e) => e.raw.trim());
}
