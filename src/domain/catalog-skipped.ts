import { warning } from './catalog-helpers';
import { DOC_TRUNK_PODNETWORKING, TERWAY_RELEASES } from './sources';

/**
 * Advisories that say which checks did not run because an optional input is missing, so a
 * skipped check is never mistaken for a passed one (TW-SKIP-*). Spread into the catalogue in
 * catalog.ts; IDs are stable and never reused.
 */
export const SKIPPED_CHECK_RULES = {
  PLANE_WITHOUT_CLUSTER: warning('TW-SKIP-001',
    'A PodNetworkingPlane without `cluster` cannot be checked against the cluster: vSwitch zones against the node zones (TW-PN-008, TW-PN-009), Trunk ENI on the cluster (TW-PN-013), Terway version gates (TW-PN-014, TW-PN-019) and old or dedicated clusters (TW-PN-016) are skipped',
    `${DOC_TRUNK_PODNETWORKING} (prerequisites: Trunk ENI, zones of the pod vSwitches); ${TERWAY_RELEASES}`),
} as const;
