/**
 * Synchronous validation per keystroke, in Node (V8, like the browser; run through tsx): every prefix of
 * realistic values as they are typed (seed values of the sandbox, typos, corrections), each call timed on
 * its own with process.hrtime.bigint(). A warm-up runs first; the cold first call is reported apart.
 */
import { validateInvoiceEmail } from '../../lib/validation/email';
import { validateWebsite } from '../../lib/validation/website';
import { validateMobilePhone } from '../../lib/validation/phone';
import { validateOrgnr } from '../../lib/validation/orgnr';
import { validatePostalCode } from '../../lib/validation/address';
import type { ValidationContext, Verdict } from '../../lib/validation/verdict';
import { percentile, result, round, type BenchResult } from './common';

interface Typed {
  value: string;
  ctx?: ValidationContext;
}

/** What the user types, keystroke by keystroke: each prefix, then (for a typo) backspaces and the fix. */
function keystrokes(typed: string, fixed?: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= typed.length; i += 1) out.push(typed.slice(0, i));
  if (fixed !== undefined) {
    let common = 0;
    while (common < typed.length && typed[common] === fixed[common]) common += 1;
    for (let i = typed.length - 1; i >= common; i -= 1) out.push(typed.slice(0, i));
    for (let i = common + 1; i <= fixed.length; i += 1) out.push(fixed.slice(0, i));
  }
  return out;
}

const ADMIN: ValidationContext = { adminEmail: 'kari.nordmann@gmail.com', country: 'NO' };
const SE: ValidationContext = { country: 'SE' };

const seq = (typed: string, fixed?: string, ctx?: ValidationContext): Typed[] => keystrokes(typed, fixed).map((value) => (ctx ? { value, ctx } : { value }));

export const VALIDATORS: { name: string; fn: (value: string, ctx?: ValidationContext) => Verdict; inputs: Typed[] }[] = [
  {
    name: 'invoice e-mail',
    fn: validateInvoiceEmail,
    inputs: [
      ...seq('post@fysiogrunerlokka.no', undefined, ADMIN),
      ...seq('faktura@bryggenfysio.nno', 'faktura@bryggenfysio.no', ADMIN),
      ...seq('kari.nordmann@gmial.com', 'kari.nordmann@gmail.com', ADMIN),
      ...seq('regnskap@nidarosfysio@no', 'regnskap@nidarosfysio.no', ADMIN),
      ...seq('faktura@nordiskrehab.se', undefined, SE),
      ...seq('økonomi@sandvika-helsehus.no', undefined, ADMIN),
    ],
  },
  {
    name: 'website',
    fn: validateWebsite,
    inputs: [
      ...seq('www.bryggenfysio.no'),
      ...seq('https://fysiogrunerlokka.no/behandlinger'),
      ...seq('fysio.nno', 'fysio.no'),
      ...seq('http://www.nordiskrehab.se/om-oss?lang=sv'),
      ...seq('htps://sandvikahelsehus.no', 'https://sandvikahelsehus.no'),
      ...seq('www.fysio grünerløkka.no', 'www.fysiogrünerløkka.no'),
    ],
  },
  {
    name: 'mobile',
    fn: validateMobilePhone,
    inputs: [
      ...seq('912 34 567'),
      ...seq('+47 912 34 567'),
      ...seq('22 33 44 55', '922 33 445'),
      ...seq('9123 456', '9123 4567'),
      ...seq('004791234567'),
      ...seq('+46 70 123 45 67', undefined, SE),
      ...seq('070-123 45 67', undefined, SE),
    ],
  },
  {
    name: 'org number',
    fn: validateOrgnr,
    inputs: [
      ...seq('923 678 905'),
      ...seq('920345670'),
      ...seq('932 567 807', '932 567 806'),
      ...seq('NO 921 456 786 MVA'),
      ...seq('556036-0793', undefined, SE),
    ],
  },
  {
    name: 'postal code',
    fn: validatePostalCode,
    inputs: [...seq('0555'), ...seq('5003'), ...seq('7101', '7011'), ...seq('1337'), ...seq('111 22', undefined, SE), ...seq('41 301', '413 01', SE)],
  },
];

export interface ValidatorTiming {
  name: string;
  keystrokes: number;
  samples: number;
  coldUs: number;
  p50Us: number;
  p95Us: number;
  maxUs: number;
}

export function benchValidators(rounds = 300, warmupRounds = 100): ValidatorTiming[] {
  const out: ValidatorTiming[] = [];
  let sink = 0;
  for (const v of VALIDATORS) {
    // Cold: the very first keystroke this process validates with this validator (lazy set-up, no JIT yet).
    const first = v.inputs[0]!;
    const c0 = process.hrtime.bigint();
    sink += v.fn(first.value, first.ctx).severity.length;
    const coldUs = Number(process.hrtime.bigint() - c0) / 1000;
    for (let r = 0; r < warmupRounds; r += 1) for (const input of v.inputs) sink += v.fn(input.value, input.ctx).severity.length;
    const samples: number[] = [];
    for (let r = 0; r < rounds; r += 1) {
      for (const input of v.inputs) {
        const t0 = process.hrtime.bigint();
        const verdict = v.fn(input.value, input.ctx);
        const t1 = process.hrtime.bigint();
        sink += verdict.severity.length;
        samples.push(Number(t1 - t0) / 1000);
      }
    }
    out.push({
      name: v.name,
      keystrokes: v.inputs.length,
      samples: samples.length,
      coldUs: round(coldUs, 1),
      p50Us: round(percentile(samples, 50), 2),
      p95Us: round(percentile(samples, 95), 2),
      maxUs: round(Math.max(...samples), 1),
    });
  }
  if (sink === 0) throw new Error('validators returned nothing');
  return out;
}

/** Budget: ≤ 1 ms (1000 µs) p95 per keystroke. p50 is report-only. */
export function validationResults(timings: ValidatorTiming[]): BenchResult[] {
  return timings.flatMap((t) => [
    result(`validate ${t.name} per keystroke p50`, t.p50Us, 'µs', null, false, `${t.keystrokes} keystrokes × ${t.samples / t.keystrokes} rounds after warm-up`),
    result(`validate ${t.name} per keystroke p95`, t.p95Us, 'µs', 1000, true, `cold first call ${t.coldUs} µs, max ${t.maxUs} µs`),
  ]);
}
