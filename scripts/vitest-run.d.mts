export function runVitest(run: { label: string; args: string[]; report: string; cwd: string; env?: Record<string, string> }): { ok: boolean; passed: number; failed: number };
