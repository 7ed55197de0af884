import * as fs from 'fs';
import * as path from 'path';

/**
 * Name of the record of the files `GitOpsOutput` owns in a manifests folder. Its extension is
 * none of `.json`, `.yaml`, `.yml`, so `kubectl apply -f <dir>` (which reads every file with
 * those extensions, hidden ones included), Argo CD directory apps and Flux never read it as a
 * manifest.
 * @see https://github.com/kubernetes/cli-runtime/blob/v0.33.0/pkg/resource/visitor.go
 */
export const GITOPS_RECORD_FILE = '.ack-terway-network.owned';

/** Name of the record written by earlier versions; read so such folders migrate, then removed. */
export const LEGACY_GITOPS_RECORD_FILE = '.ack-terway-network.json';

/** The record files (current name first) that exist in `dir`. */
export function gitOpsRecordsIn(dir: string): string[] {
  return [GITOPS_RECORD_FILE, LEGACY_GITOPS_RECORD_FILE].filter((name) => fs.existsSync(path.join(dir, name)));
}
