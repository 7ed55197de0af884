import * as fs from 'fs';
import * as path from 'path';
import { guardPlans } from './guard';
import { parsePlanText, PLAN_EXPECTED, PlanDocument } from './plan-json';
import { AuditInputError, STDIN } from '../audit/read';
import { AuditReport } from '../audit/run';
import { Waiver } from '../audit/waivers';
import { compareCodePoints } from '../domain/order';

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new AuditInputError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${PLAN_EXPECTED}.`);
  }
}

/** Reads plan files, folders (their `.json` files, in code-point order) and `-` (standard input). */
export function readPlanPaths(paths: ReadonlyArray<string>, readStdin: () => string): PlanDocument[] {
  const plans: PlanDocument[] = [];
  for (const p of paths) {
    if (p === '-') {
      let text: string;
      try {
        text = readStdin();
      } catch (e) {
        throw new AuditInputError(STDIN, `cannot be read (${(e as Error).message}).`);
      }
      plans.push(parsePlanText(STDIN, text));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new AuditInputError(p, `no such file or folder; ${PLAN_EXPECTED}.`);
    }
    if (!stat.isDirectory()) {
      plans.push(parsePlanText(p, readText(p)));
      continue;
    }
    const files = fs.readdirSync(p).filter((f) => f.toLowerCase().endsWith('.json')).sort(compareCodePoints);
    if (files.length === 0) throw new AuditInputError(p, `no .json file in the folder; ${PLAN_EXPECTED}, saved as .json files.`);
    for (const f of files) plans.push(parsePlanText(path.join(p, f), readText(path.join(p, f))));
  }
  return plans;
}

/** `terway-audit plan PATH...`: reads the plans and checks them together. */
export function guardPlanPaths(paths: ReadonlyArray<string>, readStdin: () => string, waivers: ReadonlyArray<Waiver>): AuditReport {
  return guardPlans(readPlanPaths(paths, readStdin), { waivers });
}

/** The usage line of the subcommand. */
export const PLAN_USAGE = 'usage: terway-audit plan [--format table|json|sarif] [--fail-on error|warning|never] [--waivers FILE] PLAN.json... (terraform show -json output; folders, - for stdin)';
