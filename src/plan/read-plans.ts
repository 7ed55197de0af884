import * as fs from 'fs';
import * as path from 'path';
import { guardPlans } from './guard';
import { parsePlanText, PLAN_EXPECTED, PlanDocument } from './plan-json';
import { AuditInputError, forEachInputPath, readInputFile } from '../audit/read';
import { AuditReport } from '../audit/run';
import { Waiver } from '../audit/waivers';
import { compareCodePoints } from '../domain/order';

/** Reads plan files, folders (their `.json` files, in code-point order) and `-` (standard input). */
export function readPlanPaths(paths: ReadonlyArray<string>, readStdin: () => string): PlanDocument[] {
  const plans: PlanDocument[] = [];
  forEachInputPath(paths, readStdin, PLAN_EXPECTED, {
    unreadableHint: PLAN_EXPECTED,
    text: (file, text) => plans.push(parsePlanText(file, text)),
    folder: (dir) => {
      const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.json')).sort(compareCodePoints);
      if (files.length === 0) throw new AuditInputError(dir, `no .json file in the folder; ${PLAN_EXPECTED}, saved as .json files.`);
      for (const f of files) plans.push(parsePlanText(path.join(dir, f), readInputFile(path.join(dir, f), PLAN_EXPECTED)));
    },
  });
  return plans;
}

/** `terway-audit plan PATH...`: reads the plans and checks them together. */
export function guardPlanPaths(paths: ReadonlyArray<string>, readStdin: () => string, waivers: ReadonlyArray<Waiver>): AuditReport {
  return guardPlans(readPlanPaths(paths, readStdin), { waivers });
}

/** The usage line of the subcommand. */
export const PLAN_USAGE = 'usage: terway-audit plan [--format table|json|sarif] [--fail-on error|warning|never] [--waivers FILE] PLAN.json... (terraform show -json output; folders, - for stdin)';
