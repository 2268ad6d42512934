// `npm run release [-- --out DIR]`: one offline archive, talon-<version>-linux-x64.tar.gz, with
// the built screens, the server, CLI and agent bundles, the production dependencies with their
// native addons as built here, the migrations, install.sh, the systemd units, the `talon`
// command, the kiosk and board PC scripts and the docs. It never touches ./dist (tests may be
// serving it) and needs no network.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'release') } } });
const started = Date.now();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const name = `talon-${pkg.version}`;
const out = resolve(values.out);
const stage = join(out, name);
const archive = join(out, `${name}-linux-x64.tar.gz`);
const step = (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the release is built on linux-x64 (its native modules are this machine\'s)');
rmSync(stage, { recursive: true, force: true });
rmSync(archive, { force: true });
mkdirSync(stage, { recursive: true });

step('screens');
process.env.NODE_ENV = 'production'; // see scripts/build-screens.mjs
for (const dir of ['kiosk', 'operator-console', 'hall-display']) {
  await vite({ configFile: join(root, dir, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(stage, 'dist', dir), emptyOutDir: true } });
}

step('server, command and agent bundles');
const bundled = await esbuild({
  entryPoints: { 'server/main': join(root, 'server/main.ts'), 'server/cli': join(root, 'server/cli.ts'), 'agent/main': join(root, 'drivers/agent/main.ts') },
  outdir: join(stage, 'dist'), outExtension: { '.js': '.mjs' },
  bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, metafile: true, logLevel: 'warning',
});
// The packages the bundles import are the release's dependencies; npm keeps what they need.
const imported = new Set();
for (const output of Object.values(bundled.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.path.startsWith('node:')) continue;
    const parts = imp.path.split('/');
    imported.add(imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
}
const builtins = new Set((await import('node:module')).builtinModules);
const dependencies = {};
for (const dep of [...imported].filter((d) => !builtins.has(d)).sort()) {
  if (!pkg.dependencies[dep]) throw new Error(`the server imports ${dep}, which is not in package.json's dependencies`);
  dependencies[dep] = pkg.dependencies[dep];
}
// The start flags of `npm start` (see README, "Memory") go into the systemd unit.
const nodeFlags = /node((?: --\S+)*) dist\/server\/main\.mjs/.exec(pkg.scripts.start)[1].trim();
writeFileSync(join(stage, 'package.json'), JSON.stringify({
  name: pkg.name, version: pkg.version, private: true, description: pkg.description, type: 'module', engines: pkg.engines,
  scripts: { start: `node ${nodeFlags} dist/server/main.mjs` }, dependencies,
}, null, 2) + '\n');
cpSync(join(root, 'package-lock.json'), join(stage, 'package-lock.json'));
cpSync(join(root, 'db', 'migrations'), join(stage, 'db', 'migrations'), { recursive: true });
cpSync(join(root, 'ui', 'favicon.ico'), join(stage, 'ui', 'favicon.ico'));

step(`production dependencies (${Object.keys(dependencies).length} direct)`);
// A copy of this checkout's node_modules, whose native addons are built for this Node.js, pruned
// by npm to what the release's dependencies need (offline: everything is in the copy). A real
// copy, not hard links: npm rewrites files in place, and would rewrite the checkout's.
execFileSync('cp', ['-a', '--reflink=auto', `${realpathSync(join(root, 'node_modules'))}/.`, join(stage, 'node_modules')]);
rmSync(join(stage, 'node_modules', '.package-lock.json'), { force: true });
execFileSync('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: stage, stdio: 'inherit' });
// What only a build needs: the addon's sources and object files.
const sqlite = join(stage, 'node_modules', 'better-sqlite3');
for (const junk of ['deps', 'src', 'build/Release/obj', 'build/Release/obj.target', 'build/Release/.deps', 'build/Release/test_extension.node', 'build/Release/sqlite3.a', 'build/deps']) {
  rmSync(join(sqlite, junk), { recursive: true, force: true });
}
rmSync(join(stage, 'node_modules', '.package-lock.json'), { force: true });

step('installer, units, command, PC scripts, docs');
const copy = (from, to = from) => { if (existsSync(join(root, from))) cpSync(join(root, from), join(stage, to), { recursive: true }); };
copy('ops/install.sh', 'install.sh');
copy('ops/bin', 'bin');
copy('ops/etc', 'etc');
copy('ops/screens', 'screens');
mkdirSync(join(stage, 'systemd'));
for (const unit of readdirSync(join(root, 'ops/systemd'))) {
  writeFileSync(join(stage, 'systemd', unit), readFileSync(join(root, 'ops/systemd', unit), 'utf8').replaceAll('@NODE_FLAGS@', nodeFlags));
}
for (const doc of ['docs/operations.md', 'docs/API-EXTENSIONS.md', 'README.md', 'drivers/README.md', 'drivers/buttons/README.md', 'kiosk/README.md']) {
  if (existsSync(join(root, doc))) { mkdirSync(dirname(join(stage, 'docs', doc)), { recursive: true }); cpSync(join(root, doc), join(stage, 'docs', doc)); }
}
for (const exe of ['install.sh', 'bin/talon', 'screens/linux/talon-screen', 'screens/linux/install-screen.sh']) {
  if (existsSync(join(stage, exe))) chmodSync(join(stage, exe), 0o755);
}
let commit = 'unknown';
try { commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* not a checkout */ }
// Read by install.sh (KEY=value): what this build needs from the machine it is installed on.
const [major, minor = 0, patch = 0] = pkg.engines.node.replace(/^>=\s*/, '').split('.').map(Number);
writeFileSync(join(stage, 'RELEASE'), [
  `version=${pkg.version}`, `commit=${commit}`, `built_at=${new Date().toISOString()}`,
  `node_built=${process.version}`, `node_modules_abi=${process.versions.modules}`, `node_min=${major}.${minor}.${patch}`,
  `platform=${process.platform}-${process.arch}`, `node_flags=${nodeFlags}`, '',
].join('\n'));

step('archive');
execFileSync('tar', ['-C', out, '-czf', archive, '--owner=0', '--group=0', name]);
const mb = (n) => `${(n / 1024 ** 2).toFixed(1)} MB`;
const du = (dir) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
step(`done: ${archive} (${mb(statSync(archive).size)}; unpacked ${mb(du(stage))}, of which node_modules ${mb(du(join(stage, 'node_modules')))})`);
