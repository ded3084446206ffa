/**
 * Every command of the real CLI process, with every kind of answer the app can give: the token
 * shows up only on the stdout of the commands that print it (header, token, json, and run's child
 * when it prints its own environment), and the access key nowhere at all.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runCliProcess } from '../support/cli-process.ts';
import { brief, errorBody, startStandInServer, tokenAnswer, type StandInAnswer, type StandInServer } from '../support/stand-in-access-server.ts';

const TOKEN = 'leak-check.Zm9vYmFy.c2VjcmV0LXRva2Vu';
let app: StandInServer;

before(async () => {
  app = await startStandInServer(() => ({ status: 500, body: null }));
});
after(() => app.close());

const answers: Readonly<Record<string, (path: string) => StandInAnswer>> = {
  ok: (path) =>
    path === '/v1/token' || path === '/v1/login'
      ? { status: 200, body: tokenAnswer(TOKEN) }
      : path === '/v1/accounts'
        ? { status: 200, body: { accounts: [brief({ access_token: TOKEN, token: TOKEN })] } }
        : { status: 200, body: { app: 'AIRisk Token Tray', version: '0.1.0', accounts: [brief({ authorization: `Bearer ${TOKEN}` })] } },
  expired: () => ({ status: 409, body: errorBody('expired', "user_42's token on Staging expired 3 min ago; renew it: airisk-token login --user user_42 --connection Staging") }),
  denied: () => ({ status: 403, body: errorBody('denied', 'The request was denied in AIRisk Token Tray.') }),
  'token that breaks a header': () => ({ status: 200, body: tokenAnswer(`${TOKEN}\r\nX-Evil: 1`) }),
  'wrong token type': () => ({ status: 200, body: tokenAnswer(TOKEN, { token_type: 'MAC' }) }),
  'not JSON': () => ({ status: 200, body: null, raw: `access_token=${TOKEN}` }),
};

const PRINTS_TOKEN = new Set(['header', 'token', 'json', 'run']);
const COMMANDS: readonly (readonly string[])[] = [['header'], ['token', '--user', 'user_42'], ['json', '--generic'], ['list'], ['list', '--json'], ['status'], ['login', '--user', 'user_42'], ['run', '--', process.execPath, '-e', 'console.log(process.env.AIRISK_TOKEN)']];

test('the token only on stdout of header/token/json/run (and login, which prints the header), the access key never, whatever the app answers', async () => {
  for (const [kind, answer] of Object.entries(answers)) {
    app.answerWith((request) => answer(request.path));
    for (const command of COMMANDS) {
      const { code, stdout, stderr } = await runCliProcess(command, { AIRISK_TOKEN_TRAY_DATA_DIR: app.dataDir }).exit;
      const label = `${kind}: ${command.join(' ')} (exit ${String(code)})`;
      assert.ok(!stderr.includes(TOKEN), `${label}: the token is on stderr`);
      assert.ok(!stdout.includes(app.key) && !stderr.includes(app.key), `${label}: the access key was printed`);
      const mayPrint = kind === 'ok' && (PRINTS_TOKEN.has(command[0] ?? '') || command[0] === 'login');
      assert.equal(stdout.includes(TOKEN), mayPrint, `${label}: stdout ${mayPrint ? 'lacks' : 'has'} the token`);
      if (!mayPrint) assert.notEqual(code, kind === 'ok' ? 1 : 0, label);
    }
  }
});
