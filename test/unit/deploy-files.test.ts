import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createServiceMetrics } from '../../src/metrics/service-metrics';
import { temporalWorkerMetricNames } from '../../src/metrics/temporal-runtime-metrics';

// The monitoring files docker-compose.yml loads (deploy/): no Prometheus or Grafana runs here, so
// they are read as those would read them, against the metrics the service registers.

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Array<{ expr: string }>;
  panels?: Panel[];
}
interface Service {
  environment?: Record<string, string | number>;
  volumes?: string[];
}

const dashboard = JSON.parse(read('deploy/grafana/parley.json')) as { uid: string; panels: Panel[] };
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]).filter((panel) => panel.type !== 'row');
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };

/** The metric names a PromQL expression reads (a histogram's series by their own name). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:parley|temporal|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]!.replace(/_(bucket|count|sum)$/, ''));
}

/** Where a service mounts a file or folder of this repository, by its path here. */
function mounts(service: string): Map<string, string> {
  return new Map((compose.services[service]?.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => [v.split(':')[0]!.slice(2), v.split(':')[1]!]));
}

describe('the monitoring files', () => {
  const registered = new Set(createServiceMetrics().registry.getMetricsAsArray().map((metric) => metric.name));
  const served = new Set<string>([...registered, ...temporalWorkerMetricNames]);

  it('when Grafana loads the dashboard, then every panel queries metrics the service serves, from the provisioned data source', () => {
    const datasource = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml')) as { datasources: Array<{ uid: string; url: string }> };
    const uid = datasource.datasources[0]!.uid;
    expect(panels.length).toBeGreaterThan(10);
    for (const panel of panels) {
      expect(panel.datasource?.uid, panel.title).toBe(uid);
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      const named = panel.targets!.flatMap((target) => metricsIn(target.expr));
      expect({ panel: panel.title, unknown: named.filter((name) => !served.has(name)) }).toEqual({ panel: panel.title, unknown: [] });
      expect(named.length, panel.title).toBeGreaterThan(0);
    }
  });

  it("when the on-call engineer opens the dashboard, then each of Parley's metrics and the worker's has a panel", () => {
    const charted = new Set(panels.flatMap((panel) => panel.targets!.flatMap((target) => metricsIn(target.expr))));
    const own = [...registered].filter((name) => name.startsWith('parley_'));
    expect(own.length).toBeGreaterThan(10);
    expect([...own, ...temporalWorkerMetricNames].filter((name) => !charted.has(name))).toEqual([]);
  });

  it('when compose starts Prometheus and Grafana, then they load these files, and Prometheus scrapes the port the services serve metrics on', () => {
    expect(mounts('prometheus').get('deploy/prometheus/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
    const grafana = mounts('grafana');
    expect(grafana.get('deploy/grafana/provisioning')).toBe('/etc/grafana/provisioning');
    const provider = parse(read('deploy/grafana/provisioning/dashboards/parley.yml')) as { providers: Array<{ options: { path: string } }> };
    expect(path.posix.dirname(grafana.get('deploy/grafana/parley.json') ?? '')).toBe(provider.providers[0]!.options.path);

    const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as { scrape_configs: Array<{ dns_sd_configs: Array<{ names: string[]; port: number }> }> };
    const targets = prometheus.scrape_configs.flatMap((job) => job.dns_sd_configs.map((sd) => ({ service: sd.names[0]!, port: sd.port })));
    expect(targets.map((t) => t.service).sort()).toEqual(['api', 'worker']);
    for (const { service, port } of targets) expect(Number(compose.services[service]?.environment?.METRICS_PORT), service).toBe(port);
    expect(compose.services.worker?.environment?.TEMPORAL_METRICS_ADDRESS).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
