// npm run simulate -- --scenario FILE [--days N] [--seed S] [--json] [--svg FILE]
// Runs the scenario's hall days through the real dispatch rule and wait estimates
// (server/sim) and prints the contract's JSON, or tables and an SVG chart of the waits.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { waitChart } from '../server/sim/chart';
import { textReport } from '../server/sim/report';
import { simulate } from '../server/sim/run';
import { checkScenario, ScenarioError } from '../server/sim/scenario';

const { values } = parseArgs({ options: {
  scenario: { type: 'string' }, days: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false }, svg: { type: 'string' },
} });

function fail(message: string): never { console.error(`simulate: ${message}`); process.exit(2); }

if (!values.scenario) fail('--scenario FILE is required');
const days = Number(values.days), seed = Number(values.seed);
if (!Number.isInteger(days) || days < 1 || days > 100_000) fail('--days must be a whole number from 1 to 100000');
if (!Number.isInteger(seed) || seed < 0) fail('--seed must be a whole number ≥ 0');
let doc: unknown;
try { doc = JSON.parse(readFileSync(values.scenario, 'utf8')); } catch (e) { fail(`cannot read ${values.scenario}: ${(e as Error).message}`); }
let scenario;
try { scenario = checkScenario(doc); } catch (e) { if (e instanceof ScenarioError) fail(`${values.scenario}: ${e.message}`); throw e; }

const { result, waits } = simulate(scenario, { days, seed });
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(textReport(result));
  const svg = values.svg ?? `dist/sim/${basename(values.scenario).replace(/\.json$/, '')}.svg`;
  mkdirSync(dirname(svg), { recursive: true });
  writeFileSync(svg, waitChart(result, waits));
  console.log(`\nchart of the wait distributions: ${svg}`);
}
