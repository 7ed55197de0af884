/**
 * Renders a network plan document as one self-contained HTML page: inline CSS and SVG, no
 * scripts, no network access. Large plans are grouped and collapsed (`<details>`): the picture
 * draws at most {@link MAX_BOXES_PER_ZONE} vSwitches per zone, and planes, workloads and EIP
 * workloads beyond a few dozen are listed in collapsed groups. Deterministic: same document,
 * same bytes.
 */
import type {
  NetworkPlanDocument, PlacedFinding, PlanCluster, PlanEipWorkload, PlanFixedConfig, PlanNodePool, PlanPlane, PlanStatus, PlanVSwitch, PlanZone,
} from '../domain/network-plan/model';

/** vSwitch boxes drawn per zone; the rest are summed up in one box (all are in the zone's table). */
export const MAX_BOXES_PER_ZONE = 8;
/** Planes shown open; above this they are grouped in collapsed chunks. */
const OPEN_LIMIT = 30;
/** Items per collapsed chunk. */
const CHUNK = 50;
/** Workload names listed one by one; above this they are one collapsed paragraph. */
const WORKLOAD_LIST_LIMIT = 20;

const ROLE_NAMES: Record<PlanVSwitch['role'], string> = { node: 'node', pod: 'pod', plane: 'plane', fixed: 'fixed pool' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!);
}

const e = escapeHtml;

function num(n: number | undefined): string {
  if (n === undefined) return '–';
  // Locale-independent grouping (no toLocaleString): 12,345.
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `−${s}` : s;
}

function plural(n: number, word: string): string {
  return `${num(n)} ${word}${n === 1 ? '' : /(ch|sh|s|x)$/.test(word) ? 'es' : 's'}`;
}

const CSS = `
:root{--ok:#2e7d32;--warning:#b26a00;--error:#c62828;--ack:#607d8b;--line:#d0d7de;--bg:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#1f2328}
body{margin:0 auto;padding:16px 24px;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
.meta{color:#57606a;margin:0 0 12px}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600;color:#fff;background:var(--ok);margin-right:4px}
.badge.warning{background:var(--warning)}.badge.error{background:var(--error)}.badge.ack{background:var(--ack)}.badge.mode{background:#0969da}
table{border-collapse:collapse;margin:4px 0 8px;width:100%}th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}th{background:var(--bg);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.warning td:first-child,.card.warning{border-left:4px solid var(--warning)}tr.error td:first-child,.card.error{border-left:4px solid var(--error)}.card.ok{border-left:4px solid var(--ok)}
.neg{color:var(--error);font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fff;overflow-x:auto}
.card h4{margin:0 0 6px;font-size:14px}
details{margin:4px 0}summary{cursor:pointer;padding:2px 0}
ul.findings{margin:4px 0;padding-left:18px}ul.findings li{margin:2px 0}
li.finding.error::marker{color:var(--error)}li.finding.warning::marker{color:var(--warning)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:600}
.fix{color:#57606a}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:var(--bg);padding:0 3px;border-radius:3px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.legend span{margin-right:12px}
`;

/** The page for `doc`. */
export function renderNetworkPlanHtml(doc: NetworkPlanDocument): string {
  const s = doc.summary;
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    // No scripts, no external resources: the page works offline and from a CI artifact.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<title>${e(doc.title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${e(doc.title)}</h1>`,
    `<p class="meta">Network plan (${doc.source === 'audit' ? 'from a running cluster: terway-audit' : 'from the app at synth time'}), schema version ${e(doc.schemaVersion)}.`
      + ` ${plural(s.clusters, 'cluster')}, ${plural(s.zones, 'zone')}, ${plural(s.vSwitches, 'vSwitch')}, ${plural(s.nodePools, 'node pool')},`
      + ` ${plural(s.planes, 'PodNetworking plane')}, ${plural(s.workloads, 'selected workload')}, ${plural(s.eipWorkloads, 'EIP workload')}.</p>`,
    `<p id="summary" data-errors="${s.errors}" data-warnings="${s.warnings}"><span class="badge ${s.errors > 0 ? 'error' : 'ack'}">${plural(s.errors, 'error')}</span>`
      + `<span class="badge ${s.warnings > 0 ? 'warning' : 'ack'}">${plural(s.warnings, 'warning')}</span><span class="badge ack">${num(s.acknowledged)} acknowledged</span></p>`,
    findingIndex(doc),
    ...doc.clusters.map(renderCluster),
    renderPlanes(doc.planes),
    renderFixedConfigs(doc.fixedConfigs),
    renderEipWorkloads(doc.eipWorkloads),
    doc.otherFindings.length > 0 ? `<h2>Other findings</h2>${findingList(doc.otherFindings)}` : '',
    '</body></html>',
    '',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** Every open finding with a link to the object it is on. */
function findingIndex(doc: NetworkPlanDocument): string {
  const objects: Array<{ id: string; name: string; findings: PlacedFinding[] }> = [
    ...doc.clusters.flatMap((c) => [
      { id: c.id, name: `cluster ${c.name}`, findings: c.findings },
      ...(c.serviceCidr ? [{ id: c.serviceCidr.id, name: `Service CIDR of ${c.name}`, findings: c.serviceCidr.findings }] : []),
      ...c.zones.flatMap((z) => [{ id: z.id, name: `zone ${z.zoneId}`, findings: z.findings },
        ...z.vSwitches.map((v) => ({ id: v.id, name: v.label, findings: v.findings }))]),
      ...c.nodePools.map((p) => ({ id: p.id, name: `node pool ${p.name}`, findings: p.findings })),
    ]),
    ...doc.planes.map((p) => ({ id: p.id, name: `plane ${p.name}`, findings: p.findings })),
    ...doc.fixedConfigs.map((f) => ({ id: f.id, name: `ConfigMap ${f.name}`, findings: f.findings })),
    ...doc.eipWorkloads.map((w) => ({ id: w.id, name: `EIP ${w.workload}`, findings: w.findings })),
  ];
  const rows = objects.flatMap((o) => o.findings.filter((f) => f.acknowledgedReason === undefined).map((f) => ({ o, f })));
  rows.sort((a, b) => (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1));
  if (rows.length === 0) return '<h2>Findings</h2><p>No open findings.</p>';
  const items = rows.map(({ o, f }) => `<li class="finding ${f.severity}"><a href="${e(f.docsUrl)}" class="rule">${e(f.ruleId)}</a> on <a href="#${e(o.id)}">${e(o.name)}</a>: ${e(f.message)}</li>`);
  const list = `<ul class="findings">${items.join('')}</ul>`;
  return `<h2>Findings</h2>${rows.length > OPEN_LIMIT ? `<details><summary>${plural(rows.length, 'open finding')}</summary>${list}</details>` : list}`;
}

function findingList(findings: ReadonlyArray<PlacedFinding>): string {
  if (findings.length === 0) return '';
  return `<ul class="findings">${findings.map((f) => {
    const cls = f.acknowledgedReason !== undefined ? 'ack' : f.severity;
    const ack = f.acknowledgedReason !== undefined ? ` <span class="badge ack">acknowledged</span> ${e(f.acknowledgedReason)}` : '';
    return `<li class="finding ${cls}" data-rule="${e(f.ruleId)}"><a class="rule" href="${e(f.docsUrl)}">${e(f.ruleId)}</a> `
      + `<span class="badge ${f.severity}">${f.severity}</span> ${e(f.message)} <span class="fix">Fix: ${e(f.fix)}</span>${ack}</li>`;
  }).join('')}</ul>`;
}

function statusBadge(status: PlanStatus): string {
  return `<span class="badge ${status}">${status}</span>`;
}

const COLORS: Record<PlanStatus, { fill: string; stroke: string }> = {
  ok: { fill: '#e8f5e9', stroke: '#2e7d32' },
  warning: { fill: '#fff4e0', stroke: '#b26a00' },
  error: { fill: '#fdecea', stroke: '#c62828' },
};

function worstOf(statuses: ReadonlyArray<PlanStatus>): PlanStatus {
  return statuses.includes('error') ? 'error' : statuses.includes('warning') ? 'warning' : 'ok';
}

/** VPC → zones → vSwitches, as inline SVG. */
function picture(c: PlanCluster): string {
  const colW = 250;
  const boxH = 58;
  const gap = 8;
  const head = 56;
  const rows = Math.max(1, ...c.zones.map((z) => Math.min(z.vSwitches.length, MAX_BOXES_PER_ZONE + 1)));
  const width = Math.max(1, c.zones.length) * (colW + gap) + gap + 16;
  const height = head + 28 + rows * (boxH + gap) + 16;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(`VPC of ${c.name}: zones and vSwitches`)}">`];
  out.push(`<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="8" fill="#f6f8fa" stroke="#57606a"/>`);
  out.push(`<text x="12" y="22" font-size="14" font-weight="600">VPC ${e(c.vpc.vpcId ?? '(created)')} ${e(c.vpc.cidrs.join(', '))}</text>`);
  if (c.serviceCidr) {
    const sc = COLORS[c.serviceCidr.status];
    out.push(`<a href="#${e(c.serviceCidr.id)}"><text x="12" y="42" font-size="12" fill="${sc.stroke}">Service CIDR ${e(c.serviceCidr.cidr)}${c.serviceCidr.overlaps.length > 0 ? ` overlaps ${e(c.serviceCidr.overlaps.join(', '))}` : ' (no overlap)'}</text></a>`);
  }
  c.zones.forEach((z, zi) => {
    const x = gap + 8 + zi * (colW + gap);
    const zc = COLORS[z.status];
    out.push(`<g data-zone="${e(z.zoneId)}"><rect x="${x}" y="${head}" width="${colW}" height="${height - head - 10}" rx="6" fill="#fff" stroke="${zc.stroke}"/>`);
    out.push(`<a href="#${e(z.id)}"><text x="${x + 8}" y="${head + 18}" font-size="13" font-weight="600">${e(z.zoneId)}</text></a>`);
    const shown = z.vSwitches.length > MAX_BOXES_PER_ZONE + 1 ? z.vSwitches.slice(0, MAX_BOXES_PER_ZONE) : z.vSwitches;
    shown.forEach((v, i) => out.push(box(v, x + 6, head + 28 + i * (boxH + gap), colW - 12, boxH)));
    const rest = z.vSwitches.slice(shown.length);
    if (rest.length > 0) {
      const status = worstOf(rest.map((v) => v.status));
      const y = head + 28 + shown.length * (boxH + gap);
      const flagged = rest.filter((v) => v.status !== 'ok').length;
      out.push(`<a href="#${e(z.id)}"><rect x="${x + 6}" y="${y}" width="${colW - 12}" height="${boxH}" rx="4" fill="${COLORS[status].fill}" stroke="${COLORS[status].stroke}" stroke-dasharray="4 3"/>`
        + `<text x="${x + 14}" y="${y + 22}" font-size="12" font-weight="600">+ ${plural(rest.length, 'more vSwitch')}</text>`
        + `<text x="${x + 14}" y="${y + 40}" font-size="11">${flagged > 0 ? `${num(flagged)} with findings; ` : ''}listed in the zone table</text></a>`);
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}

function box(v: PlanVSwitch, x: number, y: number, w: number, h: number): string {
  const col = COLORS[v.status];
  const used = v.usable !== undefined && v.usable > 0 && v.needed !== undefined ? Math.min(1, v.needed / v.usable) : undefined;
  const bar = used === undefined ? '' : `<rect x="${x + 8}" y="${y + h - 12}" width="${w - 16}" height="6" fill="#d0d7de"/>`
    + `<rect x="${x + 8}" y="${y + h - 12}" width="${((w - 16) * used).toFixed(1)}" height="6" fill="${v.headroom !== undefined && v.headroom < 0 ? '#c62828' : '#0969da'}"/>`;
  const title = `${ROLE_NAMES[v.role]}${v.owner ? ` · ${v.owner}` : ''}`;
  const numbers = v.usable === undefined ? 'CIDR unknown' : `${num(v.usable)} usable${v.needed !== undefined ? ` · needs ${num(v.needed)}` : ''}`;
  return `<a href="#${e(v.id)}"><g data-vswitch="${e(v.id)}"><title>${e(v.label)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${col.fill}" stroke="${col.stroke}" stroke-width="${v.status === 'ok' ? 1 : 2}"/>`
    + `<text x="${x + 8}" y="${y + 16}" font-size="12" font-weight="600">${e(title.length > 34 ? `${title.slice(0, 33)}…` : title)}</text>`
    + `<text x="${x + 8}" y="${y + 31}" font-size="12">${e(v.cidr ?? '')}</text>`
    + `<text x="${x + 8}" y="${y + 44}" font-size="11">${e(numbers)}</text>${bar}</g></a>`;
}

function renderCluster(c: PlanCluster): string {
  const svc = c.serviceCidr;
  return [
    `<section class="cluster" id="${e(c.id)}" data-kind="cluster" data-status="${c.status}">`,
    `<h2>Cluster ${e(c.name)} ${statusBadge(c.status)}</h2>`,
    `<p class="meta"><code>${e(c.path)}</code>${c.clusterId ? ` · ID ${e(c.clusterId)}` : ''} · VPC ${e(c.vpc.vpcId ?? '(created)')} ${e(c.vpc.cidrs.join(', ') || 'CIDR unknown')}`
      + `${c.expectedPodCount !== undefined ? ` · ${num(c.expectedPodCount)} expected pods` : ''}${c.trunkEniEnabled !== undefined ? ` · Trunk ENI ${c.trunkEniEnabled ? 'on' : 'off'}` : ''}</p>`,
    findingList(c.findings),
    `<div class="picture">${picture(c)}</div>`,
    '<p class="legend"><span style="color:#2e7d32">■ no finding</span><span style="color:#b26a00">■ warning</span><span style="color:#c62828">■ error</span><span>bar: addresses needed / usable</span></p>',
    svc ? `<div id="${e(svc.id)}" data-kind="service-cidr" data-status="${svc.status}"><h3>Service CIDR <code>${e(svc.cidr)}</code> ${statusBadge(svc.status)}</h3>`
      + `<p>${svc.overlaps.length > 0 ? `Overlaps ${e(svc.overlaps.join(', '))}.` : 'Overlaps no VPC or vSwitch block.'}</p>${findingList(svc.findings)}</div>` : '',
    ...c.zones.map(renderZone),
    `<h3>Node pools (${num(c.nodePools.length)})</h3>`,
    c.nodePools.length > 0 ? `<div class="cards">${c.nodePools.map(renderPool).join('')}</div>` : '<p>None declared.</p>',
    '</section>',
  ].filter((p) => p !== '').join('\n');
}

function renderZone(z: PlanZone): string {
  const rows = z.vSwitches.map((v) => `<tr id="${e(v.id)}" class="${v.status}" data-kind="vswitch" data-role="${v.role}" data-status="${v.status}" data-cidr="${e(v.cidr ?? '')}">`
    + `<td>${e(ROLE_NAMES[v.role])}${v.owner ? ` · ${e(v.owner)}` : ''}</td><td>${e(v.label)}</td><td>${e(v.vswitchId ?? '(created)')}</td><td>${e(v.cidr ?? '–')}</td>`
    + `<td class="n">${num(v.size)}</td><td class="n">${num(v.usable)}</td><td class="n" title="${e(v.neededBasis ?? '')}">${num(v.needed)}</td>`
    + `<td class="n${v.headroom !== undefined && v.headroom < 0 ? ' neg' : ''}">${num(v.headroom)}</td><td>${findingList(v.findings)}</td></tr>`);
  const table = `<table><thead><tr><th>Role</th><th>vSwitch</th><th>ID</th><th>CIDR</th><th>Size</th><th>Usable</th><th>Needed</th><th>Headroom</th><th>Findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const open = z.vSwitches.length <= OPEN_LIMIT || z.status !== 'ok' ? ' open' : '';
  return `<details id="${e(z.id)}" data-kind="zone" data-zone="${e(z.zoneId)}" data-status="${z.status}"${open}><summary><strong>Zone ${e(z.zoneId)}</strong> ${statusBadge(z.status)} ${plural(z.vSwitches.length, 'vSwitch')}</summary>`
    + `${findingList(z.findings)}${table}</details>`;
}

function renderPool(p: PlanNodePool): string {
  const types = p.instanceTypes.map((t) => `<tr><td><code>${e(t.instanceType)}</code></td><td class="n">${num(t.enis)}</td><td class="n">${num(t.ipv4PerEni)}</td>`
    + `<td class="n">${num(t.podsPerNode)}</td>${p.mode === 'trunk' ? `<td class="n">${num(t.trunkPodsPerNode)}</td>` : ''}</tr>`).join('');
  const nodes = p.nodes.existing !== undefined ? `${num(p.nodes.existing)} existing instances`
    : p.nodes.max !== undefined ? `autoscaling ${num(p.nodes.min ?? 0)}–${num(p.nodes.max)}` : `${num(p.nodes.desired ?? p.nodes.planned)} desired`;
  const labels = Object.keys(p.labels).sort().map((k) => `<code>${e(k)}=${e(p.labels[k])}</code>`).join(' ');
  const taints = p.taints.map((t) => `<code>${e(t.key)}${t.value !== undefined ? `=${e(t.value)}` : ''}:${e(t.effect)}</code>`).join(' ');
  return `<div class="card ${p.status}" id="${e(p.id)}" data-kind="node-pool" data-name="${e(p.name)}" data-mode="${p.mode}" data-status="${p.status}">`
    + `<h4>${e(p.name)} <span class="badge mode">${e(p.mode)}</span> ${statusBadge(p.status)}</h4>`
    + `<div>Nodes: <span class="nodes">${nodes}</span> (planned ${num(p.nodes.planned)}) · zones ${e(p.zoneIds.join(', '))}${p.fixedConfigName ? ` · ConfigMap <code>${e(p.fixedConfigName)}</code>` : ''}</div>`
    + `<table><thead><tr><th>Instance type</th><th>ENIs</th><th>IPv4/ENI</th><th>Pods/node (${p.mode === 'exclusive' ? 'exclusive' : 'shared'})</th>${p.mode === 'trunk' ? '<th>Trunk pods/node</th>' : ''}</tr></thead><tbody>${types}</tbody></table>`
    + `<div>Labels: ${labels || 'none'}</div><div>Taints: ${taints || 'none'}</div>${findingList(p.findings)}</div>`;
}

function workloadList(names: ReadonlyArray<string>): string {
  if (names.length === 0) return 'none declared';
  if (names.length <= WORKLOAD_LIST_LIMIT) return names.map((n) => `<code>${e(n)}</code>`).join(' ');
  return `<details><summary>${plural(names.length, 'workload')}</summary><p>${e(names.join(', '))}</p></details>`;
}

function renderPlane(p: PlanPlane, open: boolean): string {
  const alloc = `${p.allocation.type}${p.allocation.releaseStrategy ? `, release ${p.allocation.releaseStrategy}` : ''}${p.allocation.releaseAfter ? ` after ${p.allocation.releaseAfter}` : ''}`;
  const vsw = p.vSwitches.map((v) => `<code>${e(v.vswitchId ?? v.label ?? '')}</code>${v.zoneId ? ` (${e(v.zoneId)}${v.cidr ? `, ${e(v.cidr)}` : ''})` : ''}`).join(', ');
  return `<details class="card ${p.status}" id="${e(p.id)}" data-kind="plane" data-name="${e(p.name)}" data-status="${p.status}" data-workloads="${p.workloads.length}"${open ? ' open' : ''}>`
    + `<summary><strong>${e(p.name)}</strong> ${statusBadge(p.status)} ${e(alloc)} · ${plural(p.vSwitches.length, 'vSwitch')} · ${plural(p.workloads.length, 'workload')}</summary>`
    + `<table><tbody><tr><th>Allocation</th><td>${e(alloc)}${p.eniType ? ` · ENI type ${e(p.eniType)}` : ''}</td></tr>`
    + `<tr><th>Pod selector</th><td>${e(p.podSelector ?? 'none')}</td></tr><tr><th>Namespace selector</th><td>${e(p.namespaceSelector ?? 'none')}</td></tr>`
    + `<tr><th>vSwitches</th><td>${vsw || 'none'}</td></tr><tr><th>Security groups</th><td>${e(p.securityGroupIds.join(', ') || 'none')}</td></tr>`
    + `<tr><th>Namespaces</th><td>${e(p.namespaces.join(', ') || 'none')}</td></tr><tr><th>Workloads</th><td>${workloadList(p.workloads)}</td></tr></tbody></table>`
    + `${findingList(p.findings)}</details>`;
}

function chunked<T>(items: ReadonlyArray<T>, title: string, render: (item: T, open: boolean) => string, statusOf: (item: T) => PlanStatus): string {
  if (items.length <= OPEN_LIMIT) return items.map((i) => render(i, true)).join('\n');
  // Objects with findings first, open; the rest in collapsed chunks.
  const flagged = items.filter((i) => statusOf(i) !== 'ok');
  const clean = items.filter((i) => statusOf(i) === 'ok');
  const out: string[] = [];
  if (flagged.length > 0) {
    out.push(`<details class="group" open><summary>${plural(flagged.length, title)} with findings</summary>${flagged.map((i) => render(i, false)).join('\n')}</details>`);
  }
  for (let i = 0; i < clean.length; i += CHUNK) {
    const part = clean.slice(i, i + CHUNK);
    out.push(`<details class="group"><summary>${title}s ${num(i + 1)}–${num(i + part.length)} of ${num(clean.length)} without findings</summary>${part.map((x) => render(x, false)).join('\n')}</details>`);
  }
  return out.join('\n');
}

function renderPlanes(planes: ReadonlyArray<PlanPlane>): string {
  if (planes.length === 0) return '';
  return `<section id="planes"><h2>PodNetworking planes (${num(planes.length)})</h2>${chunked(planes, 'plane', renderPlane, (p) => p.status)}</section>`;
}

function renderFixedConfigs(configs: ReadonlyArray<PlanFixedConfig>): string {
  if (configs.length === 0) return '';
  const cards = configs.map((f) => `<div class="card ${f.status}" id="${e(f.id)}" data-kind="fixed-config" data-name="${e(f.name)}" data-status="${f.status}">`
    + `<h4>ConfigMap kube-system/${e(f.name)} ${statusBadge(f.status)}</h4>`
    + `<div>vSwitches: ${Object.keys(f.vSwitchIds).map((z) => `${e(z)}: ${e(f.vSwitchIds[z].join(', '))}`).join('; ')}</div>`
    + `<div>Security groups: ${e(f.securityGroupIds.join(', ') || 'the nodes\' own')}</div>`
    + `<div>Taints: ${f.taints.map((t) => `<code>${e(t.key)}${t.value !== undefined ? `=${e(t.value)}` : ''}:${e(t.effect)}</code>`).join(' ') || 'none'}</div>${findingList(f.findings)}</div>`);
  return `<section id="fixed-configs"><h2>Fixed-vSwitch ConfigMaps (${num(configs.length)})</h2><div class="cards">${cards.join('')}</div></section>`;
}

function renderEipWorkloads(items: ReadonlyArray<PlanEipWorkload>): string {
  if (items.length === 0) return '';
  const rows = items.map((w) => `<tr id="${e(w.id)}" class="${w.status}" data-kind="eip-workload" data-status="${w.status}"><td>${e(w.workload)}</td><td>${e(w.mode)}${w.existingEipId ? ` <code>${e(w.existingEipId)}</code>` : ''}</td>`
    + `<td class="n">${e(w.bandwidth ?? '–')}</td><td>${e(w.implementation)}</td><td>${findingList(w.findings)}</td></tr>`).join('');
  const table = `<table><thead><tr><th>Workload</th><th>EIP</th><th>Bandwidth (Mbit/s)</th><th>Implementation</th><th>Findings</th></tr></thead><tbody>${rows}</tbody></table>`;
  const flagged = items.some((w) => w.status !== 'ok');
  return `<section id="eip-workloads"><h2>EIP workloads (${num(items.length)})</h2>${items.length > CHUNK ? `<details${flagged ? ' open' : ''}><summary>${plural(items.length, 'workload')}</summary>${table}</details>` : table}</section>`;
}
